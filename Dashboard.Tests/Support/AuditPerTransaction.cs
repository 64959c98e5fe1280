using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Tests.Support;

/// <summary>
/// Collects the tables each transaction writes to; at its commit, a transaction that changed something and
/// inserted no audit row is a violation. A statement outside any transaction commits on its own and is judged
/// alone. Statements that touched no row (a delete that matched nothing) changed nothing.
/// </summary>
internal sealed partial class AuditPerTransaction : DbCommandInterceptor, IDbTransactionInterceptor
{
    private const string AuditTable = "AuditLog";
    private readonly Dictionary<DbTransaction, HashSet<string>> _open = [];
    private bool _started;

    public List<string> Violations { get; } = [];
    public int Transactions { get; private set; }

    public void Start() => _started = true;

    [GeneratedRegex(@"(?:INSERT INTO|UPDATE|DELETE FROM)\s+""(\w+)""")]
    private static partial Regex WrittenTable();

    private void Saw(DbCommand command, bool touchedRows)
    {
        if (!_started || !touchedRows) return;
        var tables = WrittenTable().Matches(command.CommandText).Select(m => m.Groups[1].Value).ToHashSet();
        if (tables.Count == 0) return;
        if (command.Transaction is null) Judge(tables, command.CommandText);
        else if (_open.TryGetValue(command.Transaction, out var written)) written.UnionWith(tables);
        else _open[command.Transaction] = tables;
    }

    private void Judge(HashSet<string> tables, string what)
    {
        Transactions++;
        if (tables.Any(t => t != AuditTable) && !tables.Contains(AuditTable))
            Violations.Add($"committed {string.Join(", ", tables.Order())} without an audit entry: {what[..Math.Min(200, what.Length)]}");
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
    {
        Saw(command, result != 0);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
    {
        Saw(command, true);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        if (_open.Remove(transaction, out var tables)) Judge(tables, "a transaction");
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_open.Remove(transaction, out var tables)) Judge(tables, "a transaction");
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        _open.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _open.Remove(transaction);
}
