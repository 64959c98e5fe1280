using Microsoft.Extensions.FileProviders;

namespace Dashboard.App.Operations;

/// <summary>Serves the repository's wwwroot-assets folder (stylesheet, logo, favicon, JS helper) under /assets.</summary>
internal static class AppAssets
{
    public const string RequestPath = "/assets";

    /// <summary>This build, for addresses of what it generates (the theme's stylesheet): a new build is a new address.</summary>
    public static readonly string Version = typeof(AppAssets).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
    private const string FolderName = "wwwroot-assets";

    public static IApplicationBuilder UseAppAssets(this WebApplication app)
    {
        // The build copies the folder next to the binaries; running from source, it sits beside the project.
        var folder = new[]
            {
                Path.Combine(AppContext.BaseDirectory, FolderName),
                Path.Combine(app.Environment.ContentRootPath, "..", FolderName),
            }
            .Select(Path.GetFullPath)
            .FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException($"The {FolderName} folder was not found next to the app.");

        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = RequestPath,
        });
    }
}
