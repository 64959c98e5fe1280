using System.Globalization;
using System.Text;
using Dashboard.App.Components;
using Dashboard.Domain.Activity;

namespace Dashboard.App.Features.Activity;

/// <summary>
/// A job row's text-only cells as markup (<see cref="RowMarkup{TRow}"/>): type and job before the status cell; started
/// by, started and finished after it. The status (live, its progress bar animated) and the actions (a click) stay
/// elements.
/// </summary>
internal static class JobRowCells
{
    public static readonly RowMarkup<JobRow> Markup = new(Build);

    private static (string Before, string After) Build(JobRow job)
    {
        var leading = new StringBuilder(256)
            .Append("<td><span class=\"row-with-icon ").Append(RowIcons.Class(ActivityTab.TypeIcon(job.Type))).Append("\">")
            .Append("<span>").Append(Encode(ActivityTab.TypeName(job.Type))).Append("</span></span></td>")
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
        return (leading.ToString(), trailing.ToString());
    }

    private static string Encode(string? text) => RowMarkup<JobRow>.Encode(text);
}
