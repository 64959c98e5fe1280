using Dashboard.Domain.Workspaces;
using MudBlazor;

namespace Dashboard.App.Features.Users;

/// <summary>How a member looks wherever they are listed: avatar initials and the colour of their status.</summary>
public static class MemberDisplay
{
    public static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(p => char.ToUpperInvariant(p[0])));

    /// <summary>
    /// Until someone joins, the only name the workspace has for them is the address they were invited at. They are
    /// shown by that address once, and by their status where a name would be ("Invited"), never as "a@b a@b".
    /// </summary>
    public static bool HasName(MemberStatus status) => status == MemberStatus.Joined;

    /// <summary>The line under a person's name: their address, or their status when the address is their name.</summary>
    public static string Subtitle(string email, MemberStatus status) => HasName(status) ? email : status.ToString();

    /// <summary>A person in a sentence or a picker: "Mia Chen (mia@acme.example)", or the address alone.</summary>
    public static string Describe(string name, string email) =>
        string.Equals(name, email, StringComparison.OrdinalIgnoreCase) ? email : $"{name} ({email})";

    public static Color StatusColor(MemberStatus status) => status switch
    {
        MemberStatus.Joined => Color.Success,
        MemberStatus.Invited => Color.Info,
        _ => Color.Default,
    };
}
