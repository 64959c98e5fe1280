using System.Globalization;
using System.Text;
using Dashboard.App.Auth;
using static Dashboard.App.Operations.CsvCells;
using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;

namespace Dashboard.App.Features.Audit;

/// <summary>GET /settings/audit.csv: the filtered audit log as CSV (Admins only), written as it is read.</summary>
public static class AuditExport
{
    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/settings/audit.csv", async (HttpContext http, AuditLog audit,
            string? who, string? action, DateOnly? from, DateOnly? to) =>
        {
            var actor = await HttpActor.GetAsync(http);
            if (actor is null || !actor.Can(Permission.ManageWorkspaceSettings))
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "Only workspace Admins can export the audit log.");
            var query = new AuditQuery(who, action,
                from is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
                to is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
            http.Response.ContentType = "text/csv; charset=utf-8";
            // Who did what in the workspace: never kept by the browser or a proxy between.
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMdd}.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await writer.WriteLineAsync("When (UTC),Who,What,On,Before,After");
            await foreach (var row in audit.ExportAsync(actor, query, http.RequestAborted))
                await writer.WriteLineAsync(string.Join(",", row.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Cell(row.ActorName), Cell(row.Action), Cell(row.Target), Cell(row.Before), Cell(row.After)));
            return Results.Empty;
        }).RequireAuthorization();
        return endpoints;
    }
}
