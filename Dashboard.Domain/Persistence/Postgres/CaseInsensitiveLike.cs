using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Expressions.Internal;

namespace Dashboard.Domain.Persistence.Postgres;

/// <summary>
/// Makes <c>EF.Functions.Like</c> mean on PostgreSQL what it means on SQLite: case-insensitive (ILIKE), so every search
/// box finds "ada" in "Ada Lovelace" on both engines, and the trigram indexes (which serve ILIKE) still apply. A
/// translator plugin is asked before the provider's own translators.
/// </summary>
internal sealed class CaseInsensitiveLikeExtension : IDbContextOptionsExtension
{
    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) =>
        new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IMethodCallTranslatorPlugin, Plugin>();

    public void Validate(IDbContextOptions options) { }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => "CaseInsensitiveLike ";
        public override int GetServiceProviderHashCode() => 0;
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["CaseInsensitiveLike"] = "1";
    }

    private sealed class Plugin(ISqlExpressionFactory sql, IRelationalTypeMappingSource typeMappings) : IMethodCallTranslatorPlugin
    {
        public IEnumerable<IMethodCallTranslator> Translators { get; } = [new Translator(sql, typeMappings)];
    }

    private sealed class Translator(ISqlExpressionFactory sql, IRelationalTypeMappingSource typeMappings) : IMethodCallTranslator
    {
        private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
            [typeof(DbFunctions), typeof(string), typeof(string)])!;
        private static readonly MethodInfo LikeWithEscape = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
            [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

        public SqlExpression? Translate(SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments,
            IDiagnosticsLogger<DbLoggerCategory.Query> logger)
        {
            if (method != Like && method != LikeWithEscape) return null;
            var (match, pattern) = (arguments[1], arguments[2]);
            var stringMapping = Microsoft.EntityFrameworkCore.Query.ExpressionExtensions.InferTypeMapping(match, pattern);
#pragma warning disable EF1001 // Npgsql's own ILIKE node: what EF.Functions.ILike translates to
            return new PgILikeExpression(
                sql.ApplyTypeMapping(match, stringMapping),
                sql.ApplyTypeMapping(pattern, stringMapping),
                method == LikeWithEscape ? sql.ApplyTypeMapping(arguments[3], stringMapping) : null,
                typeMappings.FindMapping(typeof(bool)));
#pragma warning restore EF1001
        }
    }
}
