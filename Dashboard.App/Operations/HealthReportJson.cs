using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.App.Operations;

/// <summary>
/// /healthz as JSON, one entry per dependency — {"status":"Healthy","checks":{"database":{"status":"Healthy",
/// "description":"…"},"storage":{…}}} — so a load balancer reads the status code and a person reads what failed.
/// Descriptions only: exceptions and paths stay in the log.
/// </summary>
internal static class HealthReportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            Status = report.Status.ToString(),
            Checks = report.Entries.ToDictionary(e => e.Key, e => new { Status = e.Value.Status.ToString(), e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Options));
    }
}
