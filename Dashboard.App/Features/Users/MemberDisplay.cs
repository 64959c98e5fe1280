using Dashboard.Domain.Workspaces;
using MudBlazor;

namespace Dashboard.App.Features.Users;

/// <summary>How a member looks wherever they are listed: avatar initials and the colour of their status.</summary>
public static class MemberDisplay
{
    public static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(p => char.ToUpperInvariant(p[0])));

    public static Color StatusColor(MemberStatus status) => status switch
    {
        MemberStatus.Joined => Color.Success,
        MemberStatus.Invited => Color.Info,
        _ => Color.Default,
    };
}
