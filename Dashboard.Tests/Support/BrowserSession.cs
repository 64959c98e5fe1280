using Dashboard.Domain.Access;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Support;

/// <summary>
/// The real app on a real Kestrel port, driven by Debian's headless Chromium through Playwright. Screenshots
/// go to TestResults/screenshots so a person can look at what the tests saw.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    internal static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<IPage> _pages = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _policyViolations = new();

    private BrowserSession(DashboardAppFactory app) => App = app;

    public DashboardAppFactory App { get; }
    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder =>
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots");

    /// <param name="configure">Settings for the app, made before it starts (e.g. its DNS resolver).</param>
    public static async Task<BrowserSession> StartAsync(Action<DashboardAppFactory>? configure = null)
    {
        var session = new BrowserSession(new DashboardAppFactory());
        configure?.Invoke(session.App);
        session.App.UseKestrel(0);
        session.App.StartServer();
        session.BaseUrl = session.App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        // Two cores run the server, Chromium and the tests: give expectations room beyond Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        session._playwright = await Playwright.CreateAsync();
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return session;
    }

    /// <summary>A fresh browser profile (its own cookies), as a second person on another machine would have.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        // Every Content-Security-Policy refusal is reported, whether or not Chromium also logs it.
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
            """);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                _policyViolations.Enqueue($"{page.Url}: {message.Text}");
        };
        _pages.Add(page);
        return page;
    }

    /// <summary>
    /// Runs a journey; if it fails, the exception says what every open page showed (address, dialogs,
    /// snackbars, a lost connection) and screenshots them, because CI keeps only the printed output.
    /// </summary>
    public async Task JourneyAsync(Func<Task> journey, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        try
        {
            await journey();
            // The app runs with its real Content-Security-Policy; anything it refused is a bug in the app.
            if (!_policyViolations.IsEmpty)
                throw new Xunit.Sdk.XunitException("The Content-Security-Policy refused something:\n  " + string.Join("\n  ", _policyViolations.Distinct()));
        }
        catch (Exception failure)
        {
            var report = new System.Text.StringBuilder(failure.Message).AppendLine().AppendLine("What the pages showed:");
            for (var i = 0; i < _pages.Count; i++)
            {
                var page = _pages[i];
                try
                {
                    await ScreenshotAsync(page, $"FAILED-{name}-{i}");
                    var seen = await page.EvaluateAsync<string>("""
                        () => [...document.querySelectorAll('.mud-dialog, .mud-snackbar, .mud-alert, #components-reconnect-modal, h1')]
                            .filter(e => e.offsetParent !== null || e.id)
                            .map(e => (e.id || e.className.split(' ')[0]) + ': ' + e.innerText.replace(/\s+/g, ' ').slice(0, 200))
                            .join(' | ')
                        """);
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  page {i} at {page.Url}: {seen}");
                }
                catch (Exception unreadable)
                {
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  page {i}: could not be read ({unreadable.Message})");
                }
            }
            throw new Xunit.Sdk.XunitException(report.ToString(), failure);
        }
    }

    public const string Password = "Quiet-Harbor-Lantern-7";

    /// <summary>Runs set-up: the founder (Admin) and the workspace "Acme Vision".</summary>
    public async Task<string> SetUpAsync(string email = "fiona@acme.example")
    {
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<FirstRunSetup>()
            .RunAsync(new SetupCommand(email, "Fiona Founder", Password, "Acme Vision", false));
        if (!result.Succeeded) throw new InvalidOperationException(result.Error!.Message);
        return email;
    }

    /// <summary>
    /// Another person who has joined the first workspace (or <paramref name="workspaceName"/>) with <paramref name="role"/>
    /// and can sign in.
    /// </summary>
    public async Task<string> AddMemberAsync(string email, string name, WorkspaceRole role, string? workspaceName = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var workspace = workspaceName is null
            ? await db.Workspaces.OrderBy(w => w.CreatedAt).FirstAsync()
            : await db.Workspaces.SingleAsync(w => w.Name == workspaceName);
        var account = new Account
        {
            UserName = email, Email = email, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow, CurrentWorkspaceId = workspace.Id,
            EmailConfirmed = true,
        };
        var created = await users.CreateAsync(account, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        db.Members.Add(WorkspaceMember.Joined(workspace.Id, account.Id, email, name, role, UserType.Internal, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>
    /// A person with an account on this server (confirmed by an earlier invitation elsewhere) who is not in the
    /// workspace, so invitations to it wait on their Home.
    /// </summary>
    public async Task<string> AddAccountAsync(string email, string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var created = await users.CreateAsync(
            new Account { UserName = email, Email = email, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow, EmailConfirmed = true }, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>The person with <paramref name="email"/> as they act in their current workspace.</summary>
    public async Task<Actor> ActorAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        return await scope.ServiceProvider.GetRequiredService<MembershipService>().GetActorAsync(account.Id)
               ?? throw new InvalidOperationException($"{email} belongs to no workspace.");
    }

    /// <summary>Signs in through the real form and waits for the interactive app.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await WaitForInteractiveAsync(page);
    }

    /// <summary>A Project (on a new Ontology, "Road objects") created by the person as the app's service does it.</summary>
    public async Task<Guid> AddProjectAsync(string email, string name)
    {
        var (resources, actor) = (App.Services.GetRequiredService<ResourceService>(), await ActorAsync(email));
        var ontology = (await resources.CreateAsync(actor, new CreateResource(ResourceKind.Ontology, "Road objects", ""))).Value;
        return (await resources.CreateAsync(actor, new CreateResource(ResourceKind.Project, name, "", ontology))).Value;
    }

    /// <summary>A new page signed in as <paramref name="email"/>, at <paramref name="path"/> with its circuit live.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string path)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email);
        await page.GotoAsync(path);
        await WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>Picks <paramref name="option"/> from the open MudBlazor popover (a select or autocomplete list).</summary>
    public static Task PickOptionAsync(IPage page, string option) =>
        page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();

    /// <summary>
    /// Chooses files in the open import dialog and waits until the server has them (Start is enabled then). Files set
    /// before Blazor's script has hooked the input are never reported, which a busy machine made happen in CI; a
    /// person cannot pick that fast, so the test waits for the hook first.
    /// </summary>
    public static Task ChooseImportFilesAsync(IPage page, params FilePayload[] files) =>
        ChooseImportFilesAsync(page, input => input.SetInputFilesAsync(files));

    /// <inheritdoc cref="ChooseImportFilesAsync(IPage, FilePayload[])"/>
    public static Task ChooseImportFilesAsync(IPage page, params string[] paths) =>
        ChooseImportFilesAsync(page, input => input.SetInputFilesAsync(paths));

    private static async Task ChooseImportFilesAsync(IPage page, Func<ILocator, Task> choose)
    {
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=import-files]')?._blazorInputFileNextFileId !== undefined");
        await choose(page.Locator("[data-testid=import-files]"));
        await Assertions.Expect(page.Locator("[data-testid=import-chosen]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Waits until the interactive circuit has taken over the prerendered page.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
