using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Dashboard.App.Components;
using Dashboard.Domain.Access;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Components;

namespace Dashboard.App.Features.Users;

/// <summary>
/// A member row as markup (<see cref="RowMarkup{TRow}"/>): name and email, the role, then user type, status,
/// two-factor, groups and the details link. The details link is an ordinary link, which Blazor's navigation follows
/// wherever it is in the page.
/// </summary>
internal static class MemberRowCells
{
    private static readonly RowMarkup<MemberRow> Rows = new(member =>
    {
        var (before, after) = Build(member);
        return $"<tr>{before}<td>{RoleCell(member)}</td>{after}</tr>";
    });

    /// <summary>
    /// A whole row as one cached markup string, its role button included: the button says what it does through
    /// <c>data-row-action</c>, heard by the table's one <see cref="RowActionEventArgs"/> handler.
    /// </summary>
    public static MarkupString WholeRow(MemberRow member) => Rows.Whole(member);

    /// <summary>
    /// The cells either side of the role, for the one row whose role picker is open (built as it renders, not kept:
    /// the row goes back to <see cref="WholeRow"/> when the picker closes).
    /// </summary>
    public static (MarkupString Before, MarkupString After) AroundRole(MemberRow member)
    {
        var (before, after) = Build(member);
        return (new MarkupString(before), new MarkupString(after));
    }

    public const string RoleAction = "role";
    public const string SortAction = "sort";

    private static readonly (string Title, MemberSort Sort)[] SortableColumns =
        [("Name", MemberSort.Name), ("Email", MemberSort.Email), ("Role", MemberSort.Role), ("User type", MemberSort.UserType), ("Status", MemberSort.Status)];

    private static readonly ConcurrentDictionary<(MemberSort Sort, bool Descending), MarkupString> Heads = new();

    /// <summary>
    /// The table's header row for one sort order, shared by every circuit: ten strings in all. Its sort buttons are row
    /// actions (<see cref="SortAction"/>, the column's <see cref="MemberSort"/> as the row), heard by the table's handler.
    /// </summary>
    public static MarkupString Head(MemberSort sort, bool descending) => Heads.GetOrAdd((sort, descending), key => new MarkupString(
        "<tr>" + string.Concat(SortableColumns.Select(c => SortableHeader(c.Title, c.Sort, key.Sort, key.Descending)))
        + "<th scope=\"col\">Two-factor</th><th scope=\"col\">Groups</th><th scope=\"col\"><span class=\"visually-hidden\">Details</span></th></tr>"));

    private static string SortableHeader(string title, MemberSort column, MemberSort sort, bool descending)
    {
        var (ariaSort, arrow) = column != sort ? ("none", "") : descending ? ("descending", " ▼") : ("ascending", " ▲");
        return $"<th scope=\"col\" aria-sort=\"{ariaSort}\"><button type=\"button\" class=\"sort-header\" data-row-action=\"{SortAction}\" "
               + $"data-row=\"{column}\">{title}<span class=\"sort-arrow\" aria-hidden=\"true\">{arrow}</span></button></th>";
    }

    /// <summary>A row's role button, where focus returns when its picker closes.</summary>
    public static string RoleButtonSelector(Guid memberId) => $"[data-row-action={RoleAction}][data-row=\"{memberId}\"]";

    private static string RoleCell(MemberRow member)
    {
        var role = Encode(member.Role.Display());
        if (!member.CanChangeRole) return $"<span>{role}</span>";
        return $"<button type=\"button\" class=\"row-role\" data-row-action=\"{RoleAction}\" data-row=\"{member.Id}\" "
               + $"aria-haspopup=\"listbox\" aria-label=\"{Encode($"Role of {member.DisplayName}: {member.Role.Display()}. Change")}\" "
               + $"data-testid=\"row-role\">{role}</button>";
    }

    private static (string Before, string After) Build(MemberRow member)
    {
        var leading = new StringBuilder(256)
            .Append("<td><span class=\"row-with-icon\"><span class=\"row-avatar\" aria-hidden=\"true\">")
            .Append(Encode(MemberDisplay.Initials(member.DisplayName))).Append("</span>")
            .Append(MemberDisplay.HasName(member.Status)
                ? $"<span>{Encode(member.DisplayName)}</span>"
                : $"<span class=\"mud-text-secondary\" data-testid=\"row-no-name\">{Encode(member.Status.ToString())}</span>")
            .Append("</span></td>")
            .Append("<td>").Append(Encode(member.Email)).Append("</td>");

        var status = member.Status.ToString();
        var trailing = new StringBuilder(512)
            .Append("<td><span data-testid=\"row-user-type\">").Append(Encode(member.UserTypeText)).Append("</span></td>")
            .Append("<td><span class=\"row-status row-status-").Append(Encode(status.ToLowerInvariant())).Append("\">")
            .Append(Encode($"{status} {member.StatusAt.ToString("d MMM yyyy", CultureInfo.CurrentCulture)}")).Append("</span></td>")
            .Append("<td>").Append(TwoFactor(member.TwoFactor)).Append("</td>")
            .Append("<td>").Append(Encode(string.Join(", ", member.Groups))).Append("</td>")
            .Append("<td class=\"text-right\"><a href=\"/settings/users/").Append(member.Id.ToString())
            .Append("\" class=\"row-link\" data-testid=\"user-details\">User details</a></td>");
        return (leading.ToString(), trailing.ToString());
    }

    private static string TwoFactor(bool? on) => on switch
    {
        null => "<span class=\"mud-text-secondary\" title=\"No account yet\">—</span>",
        true => Icon("row-two-factor-on", "Two-factor sign-in on", RowIcons.VerifiedUser, "On"),
        false => Icon("row-two-factor-off", "Two-factor sign-in off", RowIcons.GppMaybe, "Off"),
    };

    // The icon's name and the texts are this file's own: nothing here is input.
    private static string Icon(string cssClass, string title, string icon, string text) =>
        $"<span class=\"{cssClass} {RowIcons.Class(icon)}\" title=\"{title}\" data-testid=\"row-two-factor\">{text}</span>";

    private static string Encode(string? text) => RowMarkup<MemberRow>.Encode(text);
}
