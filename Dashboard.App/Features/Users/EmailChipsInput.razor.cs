using System.Buffers;
using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Dashboard.App.Features.Users;

public partial class EmailChipsInput
{
    private static readonly char[] Separators = [',', ';', ' ', '\n', '\r', '\t'];
    private static readonly SearchValues<char> SeparatorSearch = SearchValues.Create(Separators);

    private readonly List<EmailChip> _chips = [];
    private MudTextField<string>? _input;
    private string? _typed;
    private string? _checkError;

    /// <summary>Names every problem in the list (format, repeats, existing members), in list order.</summary>
    [Parameter, EditorRequired] public Func<IReadOnlyList<string>, Task<Result<IReadOnlyList<AddressProblem>>>> CheckAddresses { get; set; } = default!;

    /// <summary>A problem with the whole list, shown under the box (such as the invitation being refused).</summary>
    [Parameter] public string? Error { get; set; }

    /// <summary>Called whenever the chips change, so the owner can update what depends on them.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    public IReadOnlyList<string> ValidEmails => _chips.Where(c => c.Problem is null).Select(c => c.Email).ToList();

    public IReadOnlyList<string> RefusedEmails => _chips.Where(c => c.Problem is not null).Select(c => c.Email).ToList();

    private string? Problem => _checkError ?? Error;

    /// <summary>An address still in the box counts, as a person would expect when pressing the dialog's button.</summary>
    public async Task TakeTypedAsync()
    {
        if (string.IsNullOrWhiteSpace(_typed)) return;
        await AddChipsAsync([_typed.Trim()]);
        _typed = "";
        await _input!.ClearAsync();
    }

    /// <summary>
    /// A typed separator turns everything before it into chips, and what follows stays in the box to be typed on. A
    /// list that arrives at once (pasted) is whole: every address in it becomes a chip, the last one too. Its final
    /// line break cannot tell us so, because a one-line box drops it on paste.
    /// </summary>
    private async Task TypedAsync(string? text)
    {
        var before = _typed ?? "";
        _typed = text;
        if (text is null || text.AsSpan().IndexOfAny(SeparatorSearch) < 0) return;
        var arrivedAtOnce = text.Length - before.Length > 1;
        var end = arrivedAtOnce ? text.Length : text.AsSpan().LastIndexOfAny(SeparatorSearch);
        var rest = arrivedAtOnce ? "" : text[(end + 1)..];
        await AddChipsAsync(text[..end].Split(Separators, StringSplitOptions.RemoveEmptyEntries));
        _typed = rest;
        await _input!.SetTextAsync(rest);
    }

    private async Task KeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key is not ("Enter" or "NumpadEnter")) return;
        await TakeTypedAsync();
    }

    private async Task AddChipsAsync(IEnumerable<string> emails)
    {
        foreach (var email in emails.Select(e => e.Trim()).Where(e => e.Length > 0))
            _chips.Add(new EmailChip(email, null));
        await CheckAsync();
    }

    private async Task RemoveAsync(EmailChip chip)
    {
        _chips.Remove(chip);
        await CheckAsync();
    }

    /// <summary>The domain names every problem, so the red chips match what the invitation refuses.</summary>
    private async Task CheckAsync()
    {
        var checkedAddresses = await CheckAddresses(_chips.Select(c => c.Email).ToList());
        _checkError = checkedAddresses.Error?.Message;
        if (checkedAddresses.Succeeded)
        {
            var used = new HashSet<AddressProblem>();
            for (var i = 0; i < _chips.Count; i++)
            {
                // Problems come back in list order, one per offending entry; the first repeat of a duplicate stays valid.
                var problem = checkedAddresses.Value.FirstOrDefault(p => !used.Contains(p) && string.Equals(p.Email, _chips[i].Email.Trim(), StringComparison.Ordinal));
                if (problem is not null) used.Add(problem);
                _chips[i] = _chips[i] with { Problem = problem?.Problem };
            }
        }
        await Changed.InvokeAsync();
    }

    private sealed record EmailChip(string Email, string? Problem);
}
