using System.Data.Common;
using System.Xml.Linq;
using Dashboard.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Operations;

/// <summary>
/// The data-protection keys as rows of the DataProtectionKeys table (EF Core's <c>DataProtectionKey</c>, in both
/// providers' migrations), read and written with two plain commands. EF Core's own repository for the same table
/// builds the whole query pipeline to read a handful of rows while the app starts, ~200 ms of a first start spent
/// before the first page; here that pipeline is built later, by the first page that needs it.
/// </summary>
public sealed class DatabaseKeyRepository(IDbContextFactory<DashboardDbContext> factory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = factory.CreateDbContext();
        using var command = Command(db, """SELECT "Xml" FROM "DataProtectionKeys" ORDER BY "Id" """);
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
            if (!reader.IsDBNull(0)) keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = factory.CreateDbContext();
        using var command = Command(db, """INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES (@name, @xml)""");
        Add(command, "@name", friendlyName);
        Add(command, "@xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private static DbCommand Command(DashboardDbContext db, string sql)
    {
        db.Database.OpenConnection();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

}

public static class DatabaseKeyRepositoryExtensions
{
    /// <summary>Keeps the keys in the app's database, through <see cref="DatabaseKeyRepository"/>.</summary>
    public static IDataProtectionBuilder PersistKeysToDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IDbContextFactory<DashboardDbContext>>((options, factory) =>
            options.XmlRepository = new DatabaseKeyRepository(factory));
        return builder;
    }
}
