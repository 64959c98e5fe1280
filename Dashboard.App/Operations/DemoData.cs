using Dashboard.Domain.Access;
using Dashboard.Domain.Activity.Imports;
using Dashboard.Domain.Common;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Issues;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Tags;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Operations;

/// <summary>
/// `--demo`: a workspace full of realistic data (members in every role and state, groups, tags, resources,
/// jobs in every state) so a newcomer sees a living dashboard at once. Seeded once; later runs reuse it.
/// </summary>
internal static class DemoData
{
    public const string Switch = "--demo";
    public const string WorkspaceName = "Acme Vision (demo)";
    private static readonly string NormalizedWorkspaceName = Names.Normalize(WorkspaceName);
    public const string WorkforceWorkspaceName = "LabelForce (demo workforce)";
    public const string WorkforceAdminEmail = "lena.lead@labelforce.example";
    public const string AdminEmail = "admin@acme-vision.example";
    public const string Password = "Acme-demo-lantern-orbit";

    private static readonly string[] FirstNames =
        ["Ada", "Bram", "Chidi", "Dana", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemi", "Lars", "Maya",
         "Nikolai", "Olga", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Ximena", "Yusuf"];
    private static readonly string[] LastNames =
        ["Okafor", "Lindqvist", "Tanaka", "Moreau", "Kowalski", "Haddad", "Silva", "Novak", "Brennan", "Iyer"];

    /// <summary>"Dashboard:DemoJobs": how many historic jobs the demo adds, to see the Activity Center at scale (e.g. 200000).</summary>
    public const string JobCountSetting = "Dashboard:DemoJobs";

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData));

        if (!await db.Workspaces.AnyAsync(w => w.NormalizedName == NormalizedWorkspaceName))
            await SeedWorkspaceAsync(db, users, scope.ServiceProvider.GetRequiredService<ImportFolders>(), clock.GetUtcNow());
        var wanted = scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<int?>(JobCountSetting) ?? 0;
        if (wanted > 0) await DemoJobs.SeedManyAsync(services, NormalizedWorkspaceName, wanted, clock.GetUtcNow(), logger);

        logger.LogInformation("Demo workspace {Workspace} is ready", WorkspaceName);
        Console.WriteLine();
        Console.WriteLine($"  Demo workspace \"{WorkspaceName}\" is ready.");
        Console.WriteLine($"  Sign in as the demo Admin:  {AdminEmail}  /  {Password}");
        Console.WriteLine($"  (every other demo account uses the same password, e.g. the workforce Admin {WorkforceAdminEmail})");
        Console.WriteLine();
    }

    private static async Task SeedWorkspaceAsync(DashboardDbContext db, UserManager<Account> users, ImportFolders folders, DateTimeOffset now)
    {
        var random = new Random(20261122);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var workspace = new Workspace(WorkspaceName, isWorkforce: false, now.AddDays(-120));
        db.Workspaces.Add(workspace);
        var workforce = new Workspace(WorkforceWorkspaceName, isWorkforce: true, now.AddDays(-200));
        db.Workspaces.Add(workforce);

        // Hash the shared demo password once; hashing it fifty times would slow start-up for nothing.
        var passwordHash = users.PasswordHasher.HashPassword(new Account(), Password);
        var members = new List<WorkspaceMember>();

        Account NewAccount(string email, string name) => new()
        {
            Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(),
            Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = name,
            PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = now.AddDays(-120),
            CurrentWorkspaceId = workspace.Id, LockoutEnabled = true,
        };

        var admin = NewAccount(AdminEmail, "Alex Admin");
        db.Users.Add(admin);
        members.Add(WorkspaceMember.Joined(workspace.Id, admin.Id, admin.Email!, admin.DisplayName,
            WorkspaceRole.Admin, UserType.Internal, now.AddDays(-120)));

        // The workforce workspace's own Admin, so it is a workspace someone runs, not a label.
        var lead = NewAccount(WorkforceAdminEmail, "Lena Lead");
        lead.CurrentWorkspaceId = workforce.Id;
        db.Users.Add(lead);
        db.Members.Add(WorkspaceMember.Joined(workforce.Id, lead.Id, lead.Email!, lead.DisplayName, WorkspaceRole.Admin, UserType.Internal,
            workforce.CreatedAt));

        // 49 more: roles and states spread the way a real annotation company's would be.
        for (var i = 1; i < 50; i++)
        {
            var name = $"{FirstNames[i % FirstNames.Length]} {LastNames[i % LastNames.Length]}";
            var role = i switch { <= 3 => WorkspaceRole.Admin, <= 18 => WorkspaceRole.Member, <= 23 => WorkspaceRole.WorkforceManager, _ => WorkspaceRole.Tasker };
            var wanted = i % 3 != 0 ? UserType.Internal : (i % 2 == 0 ? UserType.External : UserType.Workforce);
            var type = MembershipRules.WhyRoleNotAllowed(role, wanted) is null ? wanted : UserType.Internal;
            var domain = type == UserType.Internal ? "acme-vision.example" : "labelforce.example";
            var email = $"{name.Replace(' ', '.').ToLowerInvariant()}{i}@{domain}";
            var invitedAt = now.AddDays(-random.Next(2, 110)).AddMinutes(-random.Next(0, 600));
            var state = i % 10 == 7 ? MemberStatus.Invited : i % 10 == 9 ? MemberStatus.Declined : MemberStatus.Joined;
            var member = WorkspaceMember.Invited(workspace.Id, email, role, type, invitedAt);
            if (state == MemberStatus.Joined && type == UserType.Workforce)
            {
                // Workforce people belong to the LabelForce workforce workspace and joined Acme through it.
                var account = NewAccount(email, name);
                db.Users.Add(account);
                var home = WorkspaceMember.Joined(workforce.Id, account.Id, email, name, WorkspaceRole.Member, UserType.Internal,
                    workforce.CreatedAt.AddDays(1));
                db.Members.Add(home);
                member = WorkspaceMember.JoinedFromWorkforce(workspace.Id, home, invitedAt);
                member.ChangeRole(role);
            }
            else if (state == MemberStatus.Joined)
            {
                var account = NewAccount(email, name);
                db.Users.Add(account);
                member.Join(account.Id, name, invitedAt.AddHours(random.Next(1, 72)));
            }
            else if (state == MemberStatus.Declined)
                member.Decline(invitedAt.AddDays(1));
            members.Add(member);
            if (state == MemberStatus.Invited)
                db.Invitations.Add(new Invitation(workspace.Id, member.Id, members[0].Id,
                    Convert.ToHexString(Guid.NewGuid().ToByteArray()).PadRight(64, '0'), invitedAt, invitedAt.AddDays(7)));
        }
        db.Members.AddRange(members);

        var joined = members.Where(m => m.Status == MemberStatus.Joined).ToList();
        var internals = joined.Where(m => m.UserType == UserType.Internal).ToList();

        var groups = new[]
        {
            ("Night shift annotators", "Annotators working the 22:00–06:00 queue."),
            ("Quality reviewers", "Second-pass review of every labelled frame."),
            ("Medical imaging team", "Radiology Projects only; trained on DICOM tooling."),
            ("Contractors — LabelForce", "External annotation partner."),
        }.Select((g, index) =>
        {
            var group = new Group(workspace.Id, g.Item1, g.Item2, now.AddDays(-90 + index));
            foreach (var member in joined.Skip(4 + index * 6).Take(7)) group.AddMember(member.Id);
            group.AddManager(internals[1 + index % (internals.Count - 1)].Id);
            return group;
        }).ToList();
        db.Groups.AddRange(groups);

        var ontologies = new[] { "Road scene objects", "Chest X-ray findings", "Retail shelf products" }
            .Select((name, index) => new Ontology(workspace.Id, name, $"Label classes for {name.ToLowerInvariant()}.", members[0].Id, now.AddDays(-100 + index)))
            .ToList();
        db.Ontologies.AddRange(ontologies);
        string[][] classes = [["Car", "Pedestrian", "Cyclist", "Traffic light"], ["Nodule", "Effusion", "Cardiomegaly"], ["Cereal box", "Bottle", "Price tag"]];
        for (var o = 0; o < ontologies.Count; o++)
            foreach (var (cls, c) in classes[o].Select((cls, c) => (cls, c)))
                db.OntologyClasses.Add(new OntologyClass(ontologies[o].Id, cls, (LabelShape)(c % 4)));

        var datasets = new[] { "Dashcam — Berlin 2026", "Dashcam — Lagos 2026", "Hospital A chest scans", "Hospital B chest scans", "Store shelves Q3" }
            .Select((name, index) => new Dataset(workspace.Id, name, $"Raw data: {name}.", members[0].Id, now.AddDays(-95 + index)))
            .ToList();
        db.Datasets.AddRange(datasets);

        var projects = new[] { ("Urban driving perception", 0, new[] { 0, 1 }), ("Pneumonia triage", 1, new[] { 2, 3 }), ("Shelf compliance", 2, new[] { 4 }), ("Night driving edge cases", 0, new[] { 1 }) }
            .Select((p, index) =>
            {
                var project = new Project(workspace.Id, p.Item1, $"Annotation Project: {p.Item1}.", ontologies[p.Item2].Id, joined[index + 1].Id, now.AddDays(-80 + index * 5));
                foreach (var d in p.Item3) db.ProjectDatasets.Add(new ProjectDataset(project.Id, datasets[d].Id));
                return project;
            }).ToList();
        db.Projects.AddRange(projects);

        foreach (var (resource, index) in projects.Cast<Resource>().Concat(datasets).Concat(ontologies).Select((r, index) => (r, index)))
        {
            var roles = ResourceRoles.For(resource.Kind);
            db.ResourceAccess.Add(ResourceAccess.ForMember(resource.Id, joined[1 + index % 6].Id, ResourceRole.Admin, now.AddDays(-70)));
            foreach (var member in joined.Skip(7 + index).Take(3))
                db.ResourceAccess.Add(ResourceAccess.ForMember(resource.Id, member.Id, roles[1 + random.Next(roles.Count - 1)], now.AddDays(-60)));
            if (index < groups.Count)
                db.ResourceAccess.Add(ResourceAccess.ForGroup(resource.Id, groups[index].Id, roles[^1], now.AddDays(-50)));
        }

        var projectTags = new[] { "Automotive", "Healthcare", "Retail", "High priority", "Q4 delivery" }
            .Select(name => new ProjectTag(workspace.Id, name, now.AddDays(-60))).ToList();
        db.ProjectTags.AddRange(projectTags);
        db.ProjectTagLinks.AddRange(
            new ProjectTagLink(projects[0].Id, projectTags[0].Id), new ProjectTagLink(projects[3].Id, projectTags[0].Id),
            new ProjectTagLink(projects[1].Id, projectTags[1].Id), new ProjectTagLink(projects[2].Id, projectTags[2].Id),
            new ProjectTagLink(projects[1].Id, projectTags[3].Id), new ProjectTagLink(projects[0].Id, projectTags[4].Id));

        var issueTags = new[] { "Wrong class", "Missing label", "Blurry frame", "Needs expert" }
            .Select(name => new IssueTag(workspace.Id, name, now.AddDays(-55))).ToList();
        db.IssueTags.AddRange(issueTags);
        var issues = new[]
        {
            new ProjectIssue(projects[0].Id, "Cyclists labelled as pedestrians in frames 200–240", "Seen in the Berlin set.", joined[8].Id, now.AddDays(-6)),
            new ProjectIssue(projects[0].Id, "Traffic lights missing at dusk", "", joined[9].Id, now.AddDays(-3)),
            new ProjectIssue(projects[1].Id, "Scan 0142 is unreadable", "Over-exposed.", joined[10].Id, now.AddDays(-2)),
        };
        issues[0].Resolve(now.AddDays(-1));
        db.Issues.AddRange(issues);
        db.IssueTagLinks.AddRange(new IssueTagLink(issues[0].Id, issueTags[0].Id), new IssueTagLink(issues[1].Id, issueTags[1].Id),
            new IssueTagLink(issues[2].Id, issueTags[2].Id), new IssueTagLink(issues[2].Id, issueTags[3].Id));

        DemoJobs.AddRecent(db, folders, workspace.Id, datasets, projects, joined, random, now);

        // LabelForce serves Acme: its people can be found from Acme's Projects and Datasets.
        db.WorkforcePartners.Add(new WorkforcePartner(workforce.Id, workspace.Id, now.AddDays(-150)));

        // One domain proven by its TXT record, and one still waiting for it, so the Users tab shows both states.
        var verified = new EmailDomain(workspace.Id, "acme-vision.example", WorkspaceRole.Member, UserType.Internal, now.AddDays(-100));
        verified.MarkVerified(now.AddDays(-100));
        db.EmailDomains.Add(verified);
        db.EmailDomains.Add(new EmailDomain(workspace.Id, "acme-contractors.example", WorkspaceRole.Tasker, UserType.External, now.AddDays(-2)));

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
