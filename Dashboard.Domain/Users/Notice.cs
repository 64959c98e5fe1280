using Dashboard.Domain.Common;

namespace Dashboard.Domain.Users;

/// <summary>Something that happened to a person that they should hear of on Home, such as being lent to a client workspace.</summary>
public sealed class Notice
{
    public const int TextMaxLength = 500;

    private Notice() { }

    public Notice(Guid accountId, string text, DateTimeOffset createdAt)
    {
        Id = Ids.New();
        AccountId = accountId;
        Text = text.Length <= TextMaxLength ? text : text[..(TextMaxLength - 1)] + "…";
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DismissedAt { get; private set; }

    public void Dismiss(DateTimeOffset at) => DismissedAt ??= at;
}
