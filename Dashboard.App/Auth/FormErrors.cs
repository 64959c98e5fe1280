using Dashboard.Domain.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace Dashboard.App.Auth;

/// <summary>Shows a domain <see cref="Error"/> next to the form field it names, or above the form.</summary>
public sealed class FormErrors
{
    private readonly EditContext _context;
    private readonly ValidationMessageStore _store;

    public FormErrors(EditContext context)
    {
        _context = context;
        _store = new ValidationMessageStore(context);
    }

    /// <summary>The message of an error that concerns no single field.</summary>
    public string? FormMessage { get; private set; }

    public void Clear()
    {
        _store.Clear();
        FormMessage = null;
        _context.NotifyValidationStateChanged();
    }

    public void Show(Error error)
    {
        if (error.Field is { } field && _context.Model.GetType().GetProperty(field) is not null)
            _store.Add(_context.Field(field), error.Message);
        else
            FormMessage = error.Message;
        _context.NotifyValidationStateChanged();
    }

    public bool HasErrors => FormMessage is not null || _context.GetValidationMessages().Any();
}
