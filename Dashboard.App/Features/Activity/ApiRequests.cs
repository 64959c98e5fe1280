using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Common;
using Microsoft.Extensions.Primitives;

namespace Dashboard.App.Features.Activity;

/// <summary>
/// Reads what a worker sends to the jobs API and says precisely what is wrong with it: a JSON body of the right
/// content type and shape, enum names it knows, query values it understands, pages that exist.
/// </summary>
internal static class ApiRequests
{
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static async Task<Result<T>> ReadJsonAsync<T>(HttpContext http) where T : class
    {
        if (!http.Request.HasJsonContentType())
            return Error.Invalid($"Send the body as JSON with \"Content-Type: application/json\" (this request says \"{http.Request.ContentType ?? "nothing"}\").");
        if (http.Request.ContentLength > MaxBodyBytes)
            return Error.Invalid($"The body may be at most {MaxBodyBytes / 1024} KB.");
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, Json, http.RequestAborted);
            return body is null ? Error.Invalid("Send a JSON object, not null.") : body;
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at {e.Path[2..]}";
            return Error.Invalid($"The body is not JSON this API understands{where}: {Explain(e, typeof(T))}", e.Path is { Length: > 2 } path ? path[2..] : null);
        }
    }

    /// <summary>type=…&amp;status=…&amp;page=…&amp;pageSize=…, each value checked.</summary>
    public static Result<JobQuery> ReadJobQuery(IQueryCollection query)
    {
        var known = new[] { "type", "status", "page", "pageSize" };
        if (query.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            return Error.Invalid($"Unknown query parameter \"{unknown}\". Use {string.Join(", ", known)}.", unknown);
        var types = Enums<JobType>(query["type"], "type");
        if (!types.Succeeded) return types.Error!;
        var statuses = Enums<JobStatus>(query["status"], "status");
        if (!statuses.Succeeded) return statuses.Error!;
        var page = Number(query["page"], "page", 0, 0, int.MaxValue);
        if (!page.Succeeded) return page.Error!;
        var size = Number(query["pageSize"], "pageSize", 25, 1, PageRequest.MaxPageSize);
        if (!size.Succeeded) return size.Error!;
        return new JobQuery(types.Value, statuses.Value, new PageRequest(page.Value, size.Value));
    }

    private static Result<IReadOnlyCollection<T>> Enums<T>(StringValues values, string name) where T : struct, Enum
    {
        var parsed = new List<T>();
        foreach (var value in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!Enum.TryParse<T>(value, ignoreCase: true, out var item) || !Enum.IsDefined(item) || int.TryParse(value, out _))
                return Error.Invalid($"{name}: \"{value}\" is not one of {string.Join(", ", Enum.GetNames<T>())}.", name);
            parsed.Add(item);
        }
        return parsed;
    }

    private static Result<int> Number(StringValues values, string name, int fallback, int min, int max)
    {
        if (StringValues.IsNullOrEmpty(values)) return fallback;
        if (values.Count > 1 || !int.TryParse(values[0], out var number) || number < min || number > max)
            return Error.Invalid($"{name} must be a whole number from {min} to {max} (got \"{values}\").", name);
        return number;
    }

    /// <summary>What the value at the error's path should have been, from the body type's property of that name.</summary>
    private static string Explain(JsonException e, Type body)
    {
        var name = e.Path is { Length: > 2 } path ? path[2..].Split('.', '[')[0] : null;
        var property = name is null ? null : body.GetProperty(name, System.Reflection.BindingFlags.IgnoreCase | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            { IsEnum: true } => $"it must be one of {string.Join(", ", Enum.GetNames(type))}.",
            _ when type == typeof(int) => "it must be a whole number.",
            _ when type == typeof(Guid) => "it must be a GUID.",
            _ when type == typeof(string) => "it must be a string.",
            _ when type is not null && type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => "it must be a list.",
            _ => e.Message.Split(" Path:", 2)[0].Replace(body.FullName ?? "", "the body", StringComparison.Ordinal),
        };
    }
}
