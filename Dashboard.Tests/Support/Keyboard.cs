using Microsoft.Playwright;

namespace Dashboard.Tests.Support;

/// <summary>What a keyboard-only journey asks of the page: Tab to a control, and focus that is there and shows.</summary>
public static class Keyboard
{
    /// <summary>Presses Tab (or Shift+Tab) until the target has focus, as a person tabs through a page.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, bool backwards = false, int presses = 60)
    {
        for (var i = 0; i < presses; i++)
        {
            if (await IsFocusedAsync(target)) return;
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        Assert.Fail($"{presses} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {target}.");
    }

    public static Task<bool> IsFocusedAsync(ILocator target) =>
        target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)");

    /// <summary>Focus is on the target (or a control inside it) and shows: a ring, or (a MudBlazor field) its border.</summary>
    public static async Task AssertVisiblyFocusedAsync(ILocator target)
    {
        await Assertions.Expect(target).ToHaveJSPropertyAsync("isConnected", true);
        for (var i = 0; i < 50 && !await IsFocusedAsync(target); i++) await Task.Delay(100);
        Assert.True(await IsFocusedAsync(target), $"{target} does not have focus; "
            + await target.Page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200)") + " has.");
        var shows = await target.EvaluateAsync<bool>("""
            () => {
              const e = document.activeElement;
              const style = getComputedStyle(e);
              return e.closest(".mud-input") !== null
                  || (style.outlineStyle !== "none" && style.outlineWidth !== "0px")
                  || style.boxShadow !== "none";
            }
            """);
        Assert.True(shows, $"{target} has focus but nothing shows it.");
    }

    /// <summary>
    /// Focus is inside the open dialog. The app moves it once the render that changed the dialog has reached the
    /// browser, a moment after the new text shows, so this waits for it as a person's next key press would.
    /// </summary>
    public static async Task AssertFocusInDialogAsync(IPage page)
    {
        const string inDialog = "() => document.activeElement?.closest('.mud-dialog') != null";
        for (var i = 0; i < 50 && !await page.EvaluateAsync<bool>(inDialog); i++) await Task.Delay(100);
        Assert.True(await page.EvaluateAsync<bool>(inDialog),
            "Focus did not land in the dialog: " + await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 160)"));
    }

    /// <summary>An option of an open list that the arrow keys have reached (focused, highlighted or selected).</summary>
    public static Task<bool> IsFocusedOrActiveAsync(ILocator option) =>
        option.EvaluateAsync<bool>("e => e === document.activeElement || e.classList.contains('mud-selected-item') || e.getAttribute('aria-selected') === 'true'");
}
