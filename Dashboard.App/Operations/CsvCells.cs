namespace Dashboard.App.Operations;

/// <summary>Fields of the CSV files the dashboard hands out (audit log, an import's items).</summary>
public static class CsvCells
{
    /// <summary>Quotes a field, and defuses a leading =, +, - or @ so a spreadsheet shows it instead of running it.</summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text;
        return "\"" + text.Replace("\"", "\"\"") + "\"";
    }
}
