using System.Globalization;
using Dashboard.Benchmarks.Harness;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Runtime;

namespace Dashboard.Benchmarks.Circuits;

/// <summary>
/// What a server's heap holds, by type: a dump taken right after the probe's full collection, read with ClrMD.
/// Two snapshots around N circuits show what one circuit is made of.
/// </summary>
public sealed class HeapSnapshot
{
    private readonly Dictionary<string, (long Count, long Bytes)> _byType;

    private readonly Dictionary<string, (long Count, long Bytes)> _renderBuffers;

    private HeapSnapshot(Dictionary<string, (long Count, long Bytes)> byType, Dictionary<string, (long Count, long Bytes)> renderBuffers) =>
        (_byType, _renderBuffers) = (byType, renderBuffers);

    /// <summary>A type whose holders to print (<c>--roots=Type</c>): who keeps a few of its instances alive.</summary>
    public static string? RootsOf { get; set; }

    public static async Task<HeapSnapshot> TakeAsync(MeasuredServer server)
    {
        await server.LiveHeapBytesAsync();
        var dump = Path.Combine(Path.GetTempPath(), $"dashboard-perf-{server.ProcessId}-{Environment.TickCount64}.dmp");
        try
        {
            await new DiagnosticsClient(server.ProcessId).WriteDumpAsync(DumpType.WithHeap, dump, logDumpGeneration: false, CancellationToken.None);
            using var target = DataTarget.LoadDump(dump);
            var clr = target.ClrVersions[0];
            // The runtime's own data-access library sits beside it; there is no symbol server to fetch one from.
            var dac = Path.Combine(Path.GetDirectoryName(clr.ModuleInfo.FileName)!, "libmscordaccore.so");
            // A heap-only dump carries no version resource for the runtime, so the check cannot match; it is the same install.
            using var runtime = clr.CreateRuntime(dac, ignoreMismatch: true);
            var byType = new Dictionary<string, (long Count, long Bytes)>();
            foreach (var item in runtime.Heap.EnumerateObjects())
            {
                if (!item.IsValid || item.IsFree) continue;
                var name = item.Type?.Name ?? "?";
                var (count, bytes) = byType.GetValueOrDefault(name);
                byType[name] = (count + 1, bytes + (long)item.Size);
            }
            if (RootsOf is { } traced) PrintHolders(runtime.Heap, traced);
            return new HeapSnapshot(byType, RenderBuffersByComponent(runtime.Heap));
        }
        finally
        {
            File.Delete(dump);
        }
    }

    /// <summary>
    /// The types that grew most from <paramref name="before"/> to this, per circuit: first by bytes, then the
    /// components (this app's and MudBlazor's) by how many instances one circuit keeps.
    /// </summary>
    public void PrintGrowthSince(HeapSnapshot before, int circuits, int top = 400)
    {
        var growth = _byType
            .Select(t => (Type: t.Key, Count: t.Value.Count - before._byType.GetValueOrDefault(t.Key).Count,
                Bytes: t.Value.Bytes - before._byType.GetValueOrDefault(t.Key).Bytes))
            .ToList();
        Print(growth.OrderByDescending(t => t.Bytes).Take(top), circuits);
        Console.WriteLine("Components and their helpers, by instances:");
        Print(growth.Where(t => t.Type.StartsWith("MudBlazor.Mud", StringComparison.Ordinal) || t.Type.StartsWith("Dashboard.App.", StringComparison.Ordinal)
            || t.Type.StartsWith("Microsoft.AspNetCore.Components.", StringComparison.Ordinal))
            .OrderByDescending(t => t.Count).Take(top), circuits);
        Console.WriteLine("Render buffers, by component (objects = frames in use):");
        Print(_renderBuffers
            .Select(t => (Type: t.Key, Count: t.Value.Count - before._renderBuffers.GetValueOrDefault(t.Key).Count,
                Bytes: t.Value.Bytes - before._renderBuffers.GetValueOrDefault(t.Key).Bytes))
            .OrderByDescending(t => t.Bytes).Take(top), circuits);
    }

    /// <summary>For the last few instances of a type (the newest, most likely a circuit's), the chain of objects holding each.</summary>
    private static void PrintHolders(ClrHeap heap, string typeName, int samples = 4, int depth = 12)
    {
        var heldBy = new Dictionary<ulong, List<ulong>>();
        var instances = new List<ulong>();
        foreach (var item in heap.EnumerateObjects())
        {
            if (!item.IsValid || item.IsFree) continue;
            if (item.Type?.Name == typeName) instances.Add(item.Address);
            foreach (var child in item.EnumerateReferenceAddresses())
            {
                if (!heldBy.TryGetValue(child, out var holders)) heldBy[child] = holders = [];
                if (holders.Count < 4) holders.Add(item.Address);
            }
        }
        Console.WriteLine($"{instances.Count} instances of {typeName}; who holds the last {samples}:");
        foreach (var instance in instances.TakeLast(samples))
        {
            var chain = new List<string>();
            var seen = new HashSet<ulong>();
            seen.Add(instance);
            // Through cycles (a method and its IL generator hold each other) to the first holder not yet on the chain.
            for (var at = instance; chain.Count < depth && heldBy.TryGetValue(at, out var holders)
                 && holders.Where(h => !seen.Contains(h)).OrderBy(h => IsEmitted(heap, h)).FirstOrDefault() is var holder and not 0;
                 at = holder)
            {
                seen.Add(holder);
                chain.Add(heap.GetObjectType(holder)?.Name ?? "?");
            }
            Console.WriteLine("  ← " + string.Join("\n    ← ", chain));
        }
    }

    /// <summary>
    /// The render-tree buffers each component type keeps (a component holds two: the tree shown and the one before), with
    /// how many frames they hold and how many they have room for — rows of markup are paid for here.
    /// </summary>
    private static Dictionary<string, (long Count, long Bytes)> RenderBuffersByComponent(ClrHeap heap)
    {
        var byComponent = new Dictionary<string, (long Count, long Bytes)>();
        foreach (var state in heap.EnumerateObjects())
        {
            if (!state.IsValid || state.Type?.Name is not ("Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState"
                or "Microsoft.AspNetCore.Components.Rendering.ComponentState")) continue;
            var component = state.ReadObjectField("<Component>k__BackingField");
            var name = component.IsValid ? component.Type?.Name ?? "?" : "?";
            long frames = 0, bytes = 0;
            foreach (var builderField in new[] { "<CurrentRenderTree>k__BackingField", "_nextRenderTree" })
            {
                var builder = state.ReadObjectField(builderField);
                if (!builder.IsValid) continue;
                var entries = builder.ReadObjectField("_entries");
                if (!entries.IsValid) continue;
                var items = entries.ReadObjectField("_items");
                if (!items.IsValid) continue;
                frames += entries.ReadField<int>("_itemsInUse");
                bytes += (long)items.Size;
            }
            var (count, total) = byComponent.GetValueOrDefault(name);
            byComponent[name] = (count + frames, total + bytes);
        }
        return byComponent;
    }

    /// <summary>Emitted code's own parts hold each other; a chain leaves them by the first holder that is not one.</summary>
    private static bool IsEmitted(ClrHeap heap, ulong address) =>
        heap.GetObjectType(address)?.Name?.StartsWith("System.Reflection.Emit.", StringComparison.Ordinal) == true;

    private static void Print(IEnumerable<(string Type, long Count, long Bytes)> rows, int circuits)
    {
        Console.WriteLine($"{"bytes/circuit",14} {"objects/circuit",16}  type");
        foreach (var (type, count, bytes) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{bytes / circuits,14:#,0} {count / (double)circuits,16:0.0}  {type}"));
        }
    }
}
