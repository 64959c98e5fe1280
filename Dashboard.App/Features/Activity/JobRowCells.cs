using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using Dashboard.Domain.Activity;
using Microsoft.AspNetCore.Components;

namespace Dashboard.App.Features.Activity;

/// <summary>
/// The cells of a job's row that only show text (type, job, who started it and when, when it finished), each run of
/// them as one markup string. Rendered as elements they cost ~30 render frames a row, which a circuit keeps in its
/// render buffers for as long as the page is open; as markup they cost one frame and one string. The status and
/// action cells stay elements: the status changes live (its progress bar animates) and the action has a click.
/// A row's strings are built once per row record (a change replaces the record) and go when the record goes.
/// Every value is HTML-encoded here, as Blazor encodes the text it renders.
/// </summary>
internal static class JobRowCells
{
    private sealed record Built(MarkupString Leading, MarkupString Trailing);

    private static readonly ConditionalWeakTable<JobRow, Built> Cache = [];
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>Type and job: what the job is. They never change.</summary>
    public static MarkupString Leading(JobRow job) => Cache.GetValue(job, Build).Leading;

    /// <summary>Started by, started, finished.</summary>
    public static MarkupString Trailing(JobRow job) => Cache.GetValue(job, Build).Trailing;

    private static Built Build(JobRow job)
    {
        var leading = new StringBuilder(256)
            .Append("<td><span class=\"row-with-icon\"><svg class=\"row-icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">")
            .Append(ActivityTab.TypeIcon(job.Type)) // a constant of MudBlazor's icon set, not user input
            .Append("</svg><span>").Append(Encode(ActivityTab.TypeName(job.Type))).Append("</span></span></td>")
            .Append("<td><div>").Append(Encode(job.Title)).Append("</div>");
        if (job.ResourceName is { } resource) leading.Append("<div class=\"row-caption\">").Append(Encode(resource)).Append("</div>");
        leading.Append("</td>");

        var trailing = new StringBuilder(192)
            .Append("<td>").Append(Encode(job.StartedBy)).Append("</td>")
            .Append("<td>").Append(Encode(job.StartedAt.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture))).Append("</td>")
            .Append("<td>");
        if (job.FinishedAt is { } finished)
            trailing.Append("<span class=\"row-finished\">").Append(Encode(finished.ToString("d MMM HH:mm", CultureInfo.CurrentCulture)))
                .Append("</span><div class=\"row-caption row-duration\">").Append(Encode(ActivityTab.Duration(finished - job.StartedAt))).Append("</div>");
        trailing.Append("</td>");
        return new Built(new MarkupString(leading.ToString()), new MarkupString(trailing.ToString()));
    }

    private static string Encode(string? text) => text is null ? "" : Encoder.Encode(text);
}
