namespace Dashboard.Benchmarks.Harness;

public static class Stats
{
    /// <summary>The middle of the timings: one noisy round on a shared machine moves it little.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
