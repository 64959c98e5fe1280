using Dashboard.App.Auth;
using Dashboard.App.Layout;
using Dashboard.App.Components;
using Dashboard.App.Operations;
using Dashboard.Domain;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Dashboard.Domain.Invitations;
using Dashboard.App.Features.Users;
using Dashboard.App.Features.Activity;
using Dashboard.App.Features.Audit;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Activity.Imports;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

// "admin …" runs one operator command and exits; its own options are not configuration.
var operatorIndex = Array.IndexOf(args, OperatorCli.Verb);
var operatorArgs = operatorIndex >= 0 ? args[(operatorIndex + 1)..] : null;
if (operatorArgs is not null) args = args[..operatorIndex];
// "--demo" is a switch, not a key=value pair, so it is taken out before configuration parses the rest.
var seedDemo = args.Contains(DemoData.Switch);
var builder = WebApplication.CreateBuilder(args.Where(a => a != DemoData.Switch).ToArray());
// The operator reads the command's own output; only warnings and errors from the app join it.
if (operatorArgs is not null) builder.Logging.AddFilter(level => level >= LogLevel.Warning);

// The Server header names the software for an attacker and helps nobody else.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

var dataFolder = DataFolder.Resolve(builder.Configuration);
builder.Services.AddSingleton(dataFolder);
var database = DatabaseSettings.Resolve(builder.Configuration, dataFolder);
builder.Services.AddDashboardDomain(database);
// Cookie-protection keys are rows of the database: sign-ins survive restarts, a backup holds them, and every node
// sharing the database accepts what any node issued.
builder.Services.AddDataProtection().PersistKeysToDatabase();
// The keys are not encrypted at rest (a self-hosted box has no key vault or certificate to do it with): the database
// that holds them is what protects them. Said once at start-up (below) instead of as a warning with every new key.
builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddSingleton<ThemeStylesheet>();

builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
builder.Services.AddScoped<CurrentActor>();
builder.Services.AddAuthentication(options =>
    {
        options.DefaultScheme = IdentityConstants.ApplicationScheme;
        options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
    })
    .AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = AuthPaths.Login;
    options.LogoutPath = AuthPaths.Logout;
    options.Cookie.Name = "Dashboard.Auth";
    // Every request's cookie is checked against the account's security stamp (Auth/CookieStampCheck).
    options.Events.OnValidatePrincipal = CookieStampCheck.ValidateAsync;
});
builder.Services.AddSingleton<SignInRefresh>();
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<SignInThrottle>();
builder.Services.AddAuthorization();
builder.Services.AddAuthRateLimits();
builder.Services.AddDashboardAccounts(options =>
    {
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
    })
    .AddSignInManager()
    .AddDefaultTokenProviders()
    // Replaces Identity's authenticator provider under the same name: a code is accepted once.
    .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

builder.Services.AddSingleton<SetupState>();
builder.Services.Configure<InvitationOptions>(builder.Configuration.GetSection(InvitationOptions.Section));
builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
builder.Services.AddSingleton<MailDelivery>();
builder.Services.AddSingleton<IInvitationMailer, SmtpInvitationMailer>();
builder.Services.AddSingleton<IAccountMailer, SmtpAccountMailer>();
builder.Services.Configure<DnsOptions>(builder.Configuration.GetSection(DnsOptions.Section));
builder.Services.Configure<JobOptions>(builder.Configuration.GetSection(JobOptions.Section));
builder.Services.Configure<ChangeFeedOptions>(builder.Configuration.GetSection(ChangeFeedOptions.Section));
builder.Services.Configure<ImportLimits>(builder.Configuration.GetSection(ImportLimits.Section));
builder.Services.AddSingleton(new ImportFolders(dataFolder.StorageRoot, dataFolder.StagingRoot));
builder.Services.AddSingleton(sp =>
    WorkerNode.ForThisProcess(TimeSpan.FromSeconds(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<JobOptions>>().Value.LeaseSeconds)));
builder.Services.AddSingleton<JobQueue>();
builder.Services.AddSingleton<DataImportRunner>();
builder.Services.AddSingleton<ImportHousekeeping>();
builder.Services.AddSingleton<LabelImportRunner>();
if (operatorArgs is null)
{
    builder.Services.AddHostedService<JobWorker>();
    builder.Services.AddHostedService<ActivityHubRelay>();
    builder.Services.AddSingleton<ChangeFeedReader>();
    builder.Services.AddHostedService(services => services.GetRequiredService<ChangeFeedReader>());
    builder.Services.AddHostedService(services => services.GetRequiredService<ActivityHubConnections>());
}
builder.Services.AddSingleton<ActivityHubConnections>();
var signalR = builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
// Several nodes: Redis carries hub messages (the backplane), job changes and change-feed wake-ups between them.
var redis = operatorArgs is null ? RedisSettings.Connect(builder.Configuration) : null;
if (redis is not null)
{
    builder.Services.AddSingleton(redis);
    signalR.AddStackExchangeRedis(o =>
    {
        o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal(RedisSettings.Prefix + "signalr");
        o.ConnectionFactory = _ => Task.FromResult(redis);
    });
    builder.Services.AddHostedService<RedisBus>();
}
// The jobs API speaks enums by name ("ModelTraining", "Success"), as its README example shows.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddProblemDetails();
var health = builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<StorageHealthCheck>("storage");
if (redis is not null) health.AddCheck<RedisHealthCheck>("redis");

var app = builder.Build();

await DatabaseInitializer.MigrateAsync(app.Services.GetRequiredService<DatabaseConnection>(), app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>());
var importedKeys = await DataProtectionKeyImport.ImportFilesAsync(app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>(),
    dataFolder.KeysFolder);
if (importedKeys > 0) app.Logger.LogInformation("{Count} data-protection keys were copied from {KeysFolder} into the database", importedKeys, dataFolder.KeysFolder);
app.Logger.LogInformation("Data folder {DataFolder}", dataFolder.Root);
app.Logger.LogInformation("Cookie and token keys are kept unencrypted in the database's DataProtectionKeys table: protect the database and its backups as you would the keys");
if (database.Provider != DatabaseProvider.Sqlite)
    app.Logger.LogInformation("Database {Provider} {Connection}", database.Provider, database);
if (operatorArgs is not null)
    return await OperatorCli.RunAsync(operatorArgs, app.Services.GetRequiredService<OperatorCommands>(),
        app.Services.GetRequiredService<EmailDomainService>(), Console.Out, Console.Error);
if (seedDemo)
    await DemoData.SeedAsync(app.Services);
// Imports cut off by the last stop are failed once their lease runs out (JobWorker); those queued run now. What a crash
// left on disk is cleared once the app serves: the sweep leaves every job still processing alone (it runs the same way
// whenever JobWorker fails an expired lease), and a large install's first page need not wait for its queries.
app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => SweepAfterStartAsync(app)));

app.UseKnownProxies();
app.UseSecurityHeaders(WebHardening.Headers());
static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");
if (!app.Environment.IsDevelopment())
{
    app.UseWhen(http => !IsApi(http), pages => pages.UseExceptionHandler("/error", createScopeForErrors: true));
    app.UseWhen(IsApi, api => api.UseExceptionHandler());
}
// People get the app's not-found page; API callers always get problem details, never HTML.
app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseWhen(IsApi, api => api.UseStatusCodePages());

app.UseAppAssets();
// Routing comes after the status-code pages, so a re-executed request (an unknown address → /not-found) is routed
// again; left implicit, routing runs first and the re-executed request finds no page and answers an empty 404.
app.UseRouting();
app.UseMiddleware<FirstRunGate>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRowIcons();
app.MapThemeStylesheet();
app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync });
app.MapAuthEndpoints();
app.MapJobsApi();
app.MapFileDownloads();
app.MapAuditExport();
app.MapHub<ActivityHub>(ActivityHub.Path);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

static async Task SweepAfterStartAsync(WebApplication app)
{
    try
    {
        await app.Services.GetRequiredService<ImportHousekeeping>().SweepAsync(app.Lifetime.ApplicationStopping);
    }
    catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
    {
    }
    catch (Exception e)
    {
        app.Logger.LogError(e, "The start-up clean-up of abandoned uploads failed; the next interrupted import's clean-up does it");
    }
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
