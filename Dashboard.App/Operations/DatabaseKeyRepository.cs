using System.Data.Common;
using System.Xml.Linq;
using Dashboard.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Dashboard.App.Operations;

/// <summary>
/// The data-protection keys as rows of the DataProtectionKeys table (EF Core's <c>DataProtectionKey</c>, in both
/// providers' migrations), read and written with two plain commands on a plain connection. EF Core's own repository
/// for the same table builds its services and whole query pipeline to read a handful of rows while the app starts,
/// ~200 ms of a first start spent before the first page; here they are built later, by the first page that needs them.
/// </summary>
public sealed class DatabaseKeyRepository(DatabaseConnection database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var command = Command(connection, """SELECT "Xml" FROM "DataProtectionKeys" ORDER BY "Id" """);
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
            if (!reader.IsDBNull(0)) keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = Open();
        using var command = Command(connection, """INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES (@name, @xml)""");
        Add(command, "@name", friendlyName);
        Add(command, "@xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private DbConnection Open()
    {
        var connection = database.CreatePlainConnection();
        connection.Open();
        return connection;
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
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
        builder.Services.AddOptions<KeyManagementOptions>().Configure<DatabaseConnection>((options, database) =>
            options.XmlRepository = new DatabaseKeyRepository(database));
        return builder;
    }
}
