using Dashboard.Domain.Activity;
using Dashboard.Domain.Activity.Imports;
using Dashboard.Domain.Common;
using System.Text;
using Dashboard.App.Auth;
using Dashboard.App.Operations;

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

        // Bodies and ids are read here rather than bound by the framework, so every mistake a worker can make gets a
        // problem-details answer that names it ("status: \"Done\" is not one of …"), not an empty 400.
        jobs.MapPost("", async (HttpContext http, JobService service) =>
        {
            var body = await ApiRequests.ReadJsonAsync<CreateJobBody>(http);
            if (!body.Succeeded) return Problem(body.Error!);
            if (body.Value.Type is not { } type) return Problem(Error.Invalid("Send a JSON body with type (ModelTraining) and title.", "type"));
            var created = await service.CreateExternalAsync(Caller(http), new ExternalJobCommand(type, body.Value.Title, body.Value.ResourceId), http.RequestAborted);
            return created.Succeeded ? Results.Created($"/api/v1/jobs/{created.Value.Id}", created.Value) : Problem(created.Error!);
        });

        jobs.MapPatch("/{id}", async (string id, HttpContext http, JobService service, JobDirectory directory) =>
        {
            if (!Guid.TryParse(id, out var jobId)) return Problem(Error.Invalid($"\"{id}\" is not a job id: ids are GUIDs, as POST returned them.", "id"));
            var body = await ApiRequests.ReadJsonAsync<UpdateJobBody>(http);
            if (!body.Succeeded) return Problem(body.Error!);
            var update = body.Value;
            var updated = await service.UpdateExternalAsync(Caller(http), jobId,
                new ExternalJobUpdate(update.ItemsDone, update.ItemsTotal, update.Status, update.ErrorSummary, update.Problems), http.RequestAborted);
            if (updated.Succeeded) return Results.Ok(updated.Value);
            // A move the job can no longer make: say how it stands, so the worker need not ask.
            var current = updated.Error!.Kind == ErrorKind.Conflict ? await directory.GetForCallerAsync(Caller(http), jobId, http.RequestAborted) : null;
            return Problem(updated.Error, current is null ? null : new Dictionary<string, object?> { ["job"] = current });
        });

        jobs.MapGet("", async (HttpContext http, JobDirectory directory) =>
        {
            var query = ApiRequests.ReadJobQuery(http.Request.Query);
            if (!query.Succeeded) return Problem(query.Error!);
            var result = await directory.ListForCallerAsync(Caller(http), query.Value, http.RequestAborted);
            return Results.Ok(new { items = result.Items, totalCount = result.TotalCount, totalIsAtLeast = result.TotalIsAtLeast });
        });
        return endpoints;
    }

    /// <summary>Downloads of imported files, for people who can see the Dataset they belong to.</summary>
    public static IEndpointRouteBuilder MapFileDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/{id:guid}", async (Guid id, ImportedFiles imported, ImportFolders folders, HttpContext http) =>
        {
            if (await HttpActor.GetAsync(http) is not { } actor) return Results.NotFound();
            var file = await imported.FileAsync(actor, id, http.RequestAborted);
            if (!file.Succeeded) return Results.NotFound();
            var path = folders.StorageFor(file.Value.StoragePath);
            // A workspace's data: never kept by the browser or a proxy between.
            http.Response.Headers.CacheControl = "no-store";
            return File.Exists(path)
                ? Results.File(path, file.Value.ContentType, file.Value.Name, enableRangeProcessing: true)
                : Results.Problem(statusCode: StatusCodes.Status410Gone, detail: "The stored file is missing from the data folder.");
        }).RequireAuthorization();

        // Every item of a data import and what became of it, for "View error details".
        endpoints.MapGet(ImportItemsPath("{id:guid}"), async (Guid id, ImportedFiles imported, HttpContext http) =>
        {
            if (await HttpActor.GetAsync(http) is not { } actor) return Results.NotFound();
            var items = await imported.ListImportItemsAsync(actor, id, http.RequestAborted);
            if (!items.Succeeded) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            var csv = new StringBuilder("Item,Outcome,Detail\r\n");
            foreach (var item in items.Value)
                csv.Append(CsvCells.Cell(item.Item)).Append(',').Append(item.Registered ? "registered" : "not imported").Append(',')
                    .Append(CsvCells.Cell(item.Detail)).Append("\r\n");
            return Results.File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(),
                "text/csv; charset=utf-8", $"import-{id:N}-items.csv");
        }).RequireAuthorization();
        return endpoints;
    }

    public static string ImportItemsPath(object jobId) => $"/activity/jobs/{jobId}/items.csv";

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

    private static IResult Problem(Error error, Dictionary<string, object?>? extensions = null)
    {
        extensions ??= [];
        if (error.Field is not null) extensions["field"] = error.Field;
        return Results.Problem(
            statusCode: error.Kind switch
            {
                ErrorKind.NotFound => StatusCodes.Status404NotFound,
                ErrorKind.Conflict => StatusCodes.Status409Conflict,
                ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            },
            title: error.Kind.ToString(), detail: error.Message, extensions: extensions.Count == 0 ? null : extensions);
    }
}
