using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.App.Operations;

/// <summary>
/// /healthz answers healthy only when the storage folder (a shared mount, with several nodes) takes a file: imports
/// and uploads need both its folders writable.
/// </summary>
internal sealed class StorageHealthCheck(DataFolder folder) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            foreach (var root in new[] { folder.StorageRoot, folder.StagingRoot })
            {
                Directory.CreateDirectory(root);
                var probe = Path.Combine(root, $".healthz-{Guid.NewGuid():N}");
                await File.WriteAllTextAsync(probe, "ok", ct);
                File.Delete(probe);
            }
            return HealthCheckResult.Healthy("The storage folder is writable.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The path and the system's message go to the log, not to whoever asks /healthz.
            return HealthCheckResult.Unhealthy("The storage folder cannot be written to.", exception);
        }
    }
}
