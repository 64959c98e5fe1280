namespace Dashboard.Domain.Invitations;

/// <summary>
/// Mail services where anyone can open an address: a workspace that took in everyone "@gmail.com" would take in
/// strangers, so these are never email domains. A short list of the large ones, not a complete registry.
/// </summary>
public static class PublicMailDomains
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.de", "gmx.net",
        "web.de", "mail.com", "yandex.com", "yandex.ru", "mail.ru", "zoho.com", "qq.com", "163.com", "126.com",
        "fastmail.com", "tutanota.com", "hey.com",
    };

    public static bool Contains(string domain) => Known.Contains(domain);
}
