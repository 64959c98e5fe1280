using Dashboard.Domain.Activity;
using Dashboard.Domain.Activity.Imports;
using Dashboard.Domain.Common;
using Dashboard.App.Auth;

namespace Dashboard.App.Features.Activity;

/// <summary>
/// The jobs API for external workers, under /api/v1/jobs, authenticated by a workspace API key sent as
/// "Authorization: Bearer wd_…". Refusals are problem details with a message a person can act on.
/// </summary>
public static class JobsApi
{
    public sealed record CreateJobBody(JobType? Type, string? Title, Guid? ResourceId);

    public sealed record UpdateJobBody(int? ItemsDone, int? ItemsTotal, JobStatus? Status, string? ErrorSummary,
        IReadOnlyList<ExternalJobProblem>? Problems);

    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder endpoints)
    {
        var jobs = endpoints.MapGroup("/api/v1/jobs").AddEndpointFilter(AuthenticateAsync).DisableAntiforgery();

        jobs.MapPost("", async (CreateJobBody? body, HttpContext http, JobService service) =>
        {
            if (body?.Type is not { } type) return Problem(Error.Invalid("Send a JSON body with type (ModelTraining) and title."));
            var created = await service.CreateExternalAsync(Caller(http), new ExternalJobCommand(type, body.Title, body.ResourceId), http.RequestAborted);
            return created.Succeeded ? Results.Created($"/api/v1/jobs/{created.Value.Id}", created.Value) : Problem(created.Error!);
        });

        jobs.MapPatch("/{id:guid}", async (Guid id, UpdateJobBody? body, HttpContext http, JobService service) =>
        {
            if (body is null) return Problem(Error.Invalid("Send a JSON body with itemsDone/itemsTotal and/or status."));
            var updated = await service.UpdateExternalAsync(Caller(http), id,
                new ExternalJobUpdate(body.ItemsDone, body.ItemsTotal, body.Status, body.ErrorSummary, body.Problems), http.RequestAborted);
            return updated.Succeeded ? Results.Ok(updated.Value) : Problem(updated.Error!);
        });

        jobs.MapGet("", async (HttpContext http, JobDirectory directory, JobType[]? type, JobStatus[]? status, int? page, int? pageSize) =>
        {
            var result = await directory.ListForCallerAsync(Caller(http),
                new JobQuery(type, status, new PageRequest(page ?? 0, pageSize ?? 25)), http.RequestAborted);
            return Results.Ok(new { items = result.Items, totalCount = result.TotalCount });
        });
        return endpoints;
    }

    /// <summary>Downloads of imported files, for people who can see the Dataset they belong to.</summary>
    public static IEndpointRouteBuilder MapFileDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/{id:guid}", async (Guid id, JobService jobs, ImportFolders folders, HttpContext http) =>
        {
            if (await HttpActor.GetAsync(http) is not { } actor) return Results.NotFound();
            var file = await jobs.FileAsync(actor, id, http.RequestAborted);
            if (!file.Succeeded) return Results.NotFound();
            var path = folders.StorageFor(file.Value.StoragePath);
            // A workspace's data: never kept by the browser or a proxy between.
            http.Response.Headers.CacheControl = "no-store";
            return File.Exists(path)
                ? Results.File(path, file.Value.ContentType, file.Value.Name, enableRangeProcessing: true)
                : Results.Problem(statusCode: StatusCodes.Status410Gone, detail: "The stored file is missing from the data folder.");
        }).RequireAuthorization();
        return endpoints;
    }

    private static async ValueTask<object?> AuthenticateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var caller = await http.RequestServices.GetRequiredService<ApiKeyService>().AuthenticateAsync(secret, http.RequestAborted);
        if (caller is null)
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                detail: "Send a live workspace API key as \"Authorization: Bearer wd_…\". Admins create keys in Settings → Activity Center.");
        http.Items[typeof(ApiCaller)] = caller;
        return await next(context);
    }

    private static ApiCaller Caller(HttpContext http) => (ApiCaller)http.Items[typeof(ApiCaller)]!;

    private static IResult Problem(Error error) => Results.Problem(
        statusCode: error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        },
        title: error.Kind.ToString(), detail: error.Message,
        extensions: error.Field is null ? null : new Dictionary<string, object?> { ["field"] = error.Field });
}
