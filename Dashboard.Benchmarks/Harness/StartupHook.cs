using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime;

/// <summary>
/// Loaded into a measured server through <c>DOTNET_STARTUP_HOOKS</c>, the same way into this app and into the stock
/// template, so neither carries code of its own for being measured. When the harness drops a <c>request</c> file in
/// the folder named by <c>HEAP_PROBE_DIR</c>, it collects garbage fully (twice, around finalizers, compacting) and
/// writes the bytes still alive to <c>response</c>.
/// </summary>
/// <remarks>The runtime finds a hook by this exact name outside any namespace.</remarks>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks the hook up by this name.")]
public static class StartupHook
{
    public const string FolderVariable = "HEAP_PROBE_DIR";

    public static void Initialize()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.IsNullOrEmpty(folder)) return;
        new Thread(() => Answer(folder)) { IsBackground = true, Name = "heap-probe" }.Start();
    }

    private static void Answer(string folder)
    {
        var request = Path.Combine(folder, "request");
        var response = Path.Combine(folder, "response");
        while (true)
        {
            if (File.Exists(request))
            {
                File.Delete(request);
                File.WriteAllText(response + ".tmp", LiveBytes().ToString(CultureInfo.InvariantCulture));
                // Renamed into place, so the harness never reads half a number.
                File.Move(response + ".tmp", response, overwrite: true);
            }
            Thread.Sleep(50);
        }
    }

    private static long LiveBytes()
    {
        // Rounds, not one: code emitted at run time (a DynamicMethod and its resolver) is freed through finalizers
        // that each wait for the next collection, so one round would count discarded code as live.
        for (var i = 0; i < 4; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
