using System.Text.Json;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Activity.Imports;

/// <summary>
/// Imports a labels file into a Project, all or nothing. The format is a COCO-style subset:
/// <c>images</c> [{id, file_name}] naming data units of the Project's Datasets, <c>categories</c> [{id, name}]
/// naming classes of its Ontology, and <c>annotations</c> [{image_id, category_id, bbox: [x, y, w, h]} or
/// {…, segmentation: [[x1, y1, x2, y2, …]]}]. Every problem is listed with where it is; one problem imports nothing.
/// </summary>
public sealed class LabelImportRunner(IDbContextFactory<DashboardDbContext> factory, JobService jobs, ImportFolders folders, TimeProvider clock)
{
    public const string StagedFileName = "labels.json";

    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.Type == JobType.LabelImport, ct);
        if (job is not { Status: JobStatus.Processing, ResourceId: { } projectId }) return;
        var staged = Path.Combine(folders.StagingFor(jobId), StagedFileName);
        if (!File.Exists(staged))
        {
            await jobs.FailAsync(jobId, "The labels file did not arrive.", [], ct);
            return;
        }

        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            await jobs.FailAsync(jobId, "The Project was deleted before its labels could be imported.", [], ct);
            return;
        }
        var classes = await db.OntologyClasses.AsNoTracking().Where(c => c.OntologyId == project.OntologyId)
            .ToDictionaryAsync(c => c.Name.ToUpperInvariant(), ct);
        var datasetIds = db.ProjectDatasets.Where(l => l.ProjectId == projectId).Select(l => l.DatasetId);
        var units = (await db.DataUnits.AsNoTracking().Where(u => datasetIds.Contains(u.DatasetId)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);

        var problems = new List<(string Item, string Message)>();
        var labels = new List<LabelAnnotation>();
        try
        {
            await using var stream = File.OpenRead(staged);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            Read(document.RootElement, job.Id, projectId, classes, units, problems, labels);
        }
        catch (JsonException e)
        {
            problems.Add(($"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}", $"The file is not valid JSON: {e.Message.Split(" Path:")[0]}"));
        }
        finally
        {
            try { Directory.Delete(folders.StagingFor(jobId), recursive: true); } catch (IOException) { }
        }

        if (problems.Count > 0)
        {
            await jobs.FailAsync(jobId, $"Nothing was imported: the file has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}.", problems, ct);
            return;
        }
        await jobs.ReportProgressAsync(jobId, 0, labels.Count, ct);
        db.Labels.AddRange(labels);
        await db.SaveChangesAsync(ct);
        await jobs.SucceedAsync(jobId, ct);
    }

    private void Read(JsonElement root, Guid jobId, Guid projectId, Dictionary<string, OntologyClass> classes, Dictionary<string, Guid> units,
        List<(string, string)> problems, List<LabelAnnotation> labels)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(("the file", "The top level must be an object with images, categories and annotations."));
            return;
        }
        var images = new Dictionary<long, Guid>();
        foreach (var (image, at) in Items(root, "images", problems))
        {
            if (!TryId(image, "id", out var id)) { problems.Add((at, "needs a numeric id.")); continue; }
            var name = image.TryGetProperty("file_name", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : null;
            if (name is null) problems.Add((at, "needs a file_name."));
            else if (!units.TryGetValue(name, out var unit)) problems.Add((at, $"\"{name}\" is not a data unit of this Project's Datasets."));
            else images[id] = unit;
        }
        var categories = new Dictionary<long, OntologyClass>();
        foreach (var (category, at) in Items(root, "categories", problems))
        {
            if (!TryId(category, "id", out var id)) { problems.Add((at, "needs a numeric id.")); continue; }
            var name = category.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
            if (name is null) problems.Add((at, "needs a name."));
            else if (!classes.TryGetValue(name.Trim().ToUpperInvariant(), out var cls)) problems.Add((at, $"\"{name}\" is not a class of this Project's Ontology."));
            else categories[id] = cls;
        }
        var now = clock.GetUtcNow();
        foreach (var (annotation, at) in Items(root, "annotations", problems))
        {
            var ok = true;
            if (!TryId(annotation, "image_id", out var imageId) || !images.TryGetValue(imageId, out var unitId))
            { problems.Add((at, "image_id does not name a usable image of this file.")); ok = false; unitId = default; }
            if (!TryId(annotation, "category_id", out var categoryId) || !categories.TryGetValue(categoryId, out var cls))
            { problems.Add((at, "category_id does not name a usable category of this file.")); ok = false; cls = null; }

            var (shape, geometry, geometryProblem) = Geometry(annotation);
            if (geometryProblem is not null) { problems.Add((at, geometryProblem)); ok = false; }
            else if (cls is not null && cls.Shape != shape)
            { problems.Add((at, $"class \"{cls.Name}\" takes {cls.Shape} labels, not {shape}.")); ok = false; }
            if (ok) labels.Add(new LabelAnnotation(projectId, unitId, cls!.Id, shape, geometry!, jobId, now));
        }
    }

    private static IEnumerable<(JsonElement Element, string At)> Items(JsonElement root, string name, List<(string, string)> problems)
    {
        if (!root.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add((name, $"\"{name}\" must be a list."));
            yield break;
        }
        var index = 0;
        foreach (var element in list.EnumerateArray())
            yield return (element, $"{name}[{index++}]");
    }

    private static bool TryId(JsonElement element, string property, out long id)
    {
        id = 0;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out id);
    }

    private static (LabelShape Shape, string? Geometry, string? Problem) Geometry(JsonElement annotation)
    {
        if (annotation.ValueKind != JsonValueKind.Object) return (default, null, "must be an object.");
        if (annotation.TryGetProperty("bbox", out var box))
        {
            var numbers = Numbers(box);
            if (numbers is not { Count: 4 } || numbers[2] <= 0 || numbers[3] <= 0 || numbers[0] < 0 || numbers[1] < 0)
                return (LabelShape.BoundingBox, null, "bbox must be [x, y, width, height] with x, y ≥ 0 and width, height > 0.");
            return (LabelShape.BoundingBox, JsonSerializer.Serialize(numbers), null);
        }
        if (annotation.TryGetProperty("segmentation", out var segmentation))
        {
            var polygon = segmentation.ValueKind == JsonValueKind.Array && segmentation.GetArrayLength() == 1 ? Numbers(segmentation[0]) : null;
            if (polygon is null || polygon.Count < 6 || polygon.Count % 2 != 0 || polygon.Any(v => v < 0))
                return (LabelShape.Polygon, null, "segmentation must be one polygon [[x1, y1, x2, y2, x3, y3, …]] of at least three points with coordinates ≥ 0.");
            return (LabelShape.Polygon, JsonSerializer.Serialize(polygon), null);
        }
        return (default, null, "needs a bbox or a segmentation.");
    }

    private static List<double>? Numbers(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array) return null;
        var numbers = new List<double>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !double.IsFinite(item.GetDouble())) return null;
            numbers.Add(item.GetDouble());
        }
        return numbers;
    }
}
