namespace Dashboard.Tests.Support;

/// <summary>
/// A test that needs the PostgreSQL server programs. Locally it is skipped when they are not installed; under CI
/// (CI=true) it always runs, so a missing server fails the build instead of hiding the test.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.MissingReason is { } reason) Skip = reason;
    }
}
