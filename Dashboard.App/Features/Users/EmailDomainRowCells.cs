using System.Globalization;
using Dashboard.App.Components;
using Dashboard.Domain.Access;
using Dashboard.Domain.Invitations;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.App.Features.Users;

/// <summary>
/// An email domain's row as one cached markup string (<see cref="RowMarkup{TRow}"/>): its Verify and Remove buttons say
/// what they do through <c>data-row-action</c> and are heard by the table body's one <see cref="RowActionEventArgs"/>
/// handler, so a row holds no element frames or handlers of its own.
/// </summary>
internal static class EmailDomainRowCells
{
    public const string Verify = "verify";
    public const string Remove = "remove";

    private static readonly RowMarkup<EmailDomainRow> Rows = new(Build);

    public static MarkupString Row(EmailDomainRow domain) => Rows.Whole(domain);

    private static string Build(EmailDomainRow domain)
    {
        var name = Encode(domain.Domain);
        var status = domain.VerifiedAt is { } verifiedAt
            ? $"<span class=\"row-status row-status-joined\">Verified {Date(verifiedAt)}</span>"
            : "<span class=\"row-status row-status-pending\">Pending</span>"
              + $"<div class=\"mud-typography-body2\" data-testid=\"email-domain-record\">TXT record <code>{Encode(domain.RecordName)}</code> "
              + $"with the value <code>{Encode(domain.RecordValue)}</code></div>";
        var verify = domain.IsVerified ? ""
            : $"<button type=\"button\" class=\"{MudLook.Button("text", "primary", "small")}\" aria-label=\"Verify {name}\" "
              + $"data-row-action=\"{Verify}\" data-row=\"{domain.Id}\" data-testid=\"email-domain-verify\"><span class=\"mud-button-label\">Verify</span></button>";
        var remove = $"<button type=\"button\" class=\"{MudLook.IconButton("error", "small")}\" aria-label=\"Remove {name}\" "
                     + $"data-row-action=\"{Remove}\" data-row=\"{domain.Id}\"><span class=\"mud-icon-button-label\">"
                     + $"{MudLook.Icon(Icons.Material.Filled.Delete, "mud-icon-root mud-svg-icon mud-icon-size-small")}</span></button>";
        return $"<tr data-testid=\"email-domain-row\"><td>{name}</td><td>{Encode(domain.Role.Display())}</td><td>{Encode(domain.UserType.ToString())}</td>"
               + $"<td data-testid=\"email-domain-status\">{status}</td><td>{Date(domain.CreatedAt)}</td>"
               + $"<td class=\"text-right\" style=\"white-space:nowrap\">{verify}{remove}</td></tr>";
    }

    private static string Date(DateTimeOffset at) => Encode(at.ToString("d MMM yyyy", CultureInfo.CurrentCulture));

    private static string Encode(string? text) => RowMarkup<EmailDomainRow>.Encode(text);
}
