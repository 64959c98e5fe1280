using Dashboard.App.Features.Activity;
using Dashboard.App.Features.Groups;
using Dashboard.App.Features.Tags;
using Dashboard.App.Features.Users;
using Dashboard.Domain.Access;

namespace Dashboard.App.Features.Settings;

/// <summary>
/// A tab of workspace settings: its address (/settings/{Slug}) and the permission a member needs to see it
/// (null: every member). The permission is the domain table's, so the tab and the service agree.
/// </summary>
public sealed record SettingsTab(string Slug, string Title, Permission? Requires, Type Component)
{
    public bool IsVisibleTo(Actor actor) => Requires is not { } permission || actor.Can(permission);
}

public static class SettingsTabs
{
    public static readonly IReadOnlyList<SettingsTab> All =
    [
        new("users", "Users", Permission.SeeOtherMembers, typeof(UsersTab)),
        new("groups", "Groups", null, typeof(GroupsTab)),
        new("project-tags", "Project tags", Permission.ManageWorkspaceSettings, typeof(ProjectTagsTab)),
        new("issue-tags", "Issue tags", Permission.ManageWorkspaceSettings, typeof(IssueTagsTab)),
        new("activity", "Activity Center", null, typeof(ActivityTab)),
    ];

    public static IReadOnlyList<SettingsTab> VisibleTo(Actor actor) => All.Where(t => t.IsVisibleTo(actor)).ToList();

    public static SettingsTab? Find(string? slug) =>
        All.FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.OrdinalIgnoreCase));
}
