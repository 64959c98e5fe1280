using Dashboard.Domain.Persistence;

namespace Dashboard.App.Auth;

/// <summary>
/// Whether the installation still needs its first account. Once set up it stays set up, so after the first
/// "yes" no request pays for the check again.
/// </summary>
public sealed class SetupState(DatabaseConnection database)
{
    private volatile bool _complete;

    public async Task<bool> IsCompleteAsync(CancellationToken ct = default)
    {
        if (_complete) return true;
        // A plain command on a plain connection: this runs on a start's first request, before any page needs EF Core,
        // whose services and query pipeline would otherwise be built for it on the way to that first page.
        await using var connection = database.CreatePlainConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT 1 FROM "AspNetUsers" LIMIT 1""";
        return _complete = await command.ExecuteScalarAsync(ct) is not null;
    }
}
