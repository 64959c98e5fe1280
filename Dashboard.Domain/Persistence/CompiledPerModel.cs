using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dashboard.Domain.Persistence;

/// <summary>
/// A compiled query, compiled once per EF Core model: EF ties a compiled query to the model it first ran with. The app
/// has one model, but a test run hosts several apps, each with its own.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = new();

    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _ => compile());
}
