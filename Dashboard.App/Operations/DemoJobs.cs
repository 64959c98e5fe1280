using System.Security.Cryptography;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Activity.Imports;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Operations;

/// <summary>The demo's jobs: a few weeks of them in every state, and on request many more, to see the list at scale.</summary>
internal static class DemoJobs
{
    /// <summary>
    /// Jobs in every state over the last weeks: imports started by several people, with their files really in storage
    /// (small generated images), and model training started by an external worker's API key, as real training is.
    /// </summary>
    public static void AddRecent(DashboardDbContext db, ImportFolders folders, Guid workspaceId, IReadOnlyList<Dataset> datasets,
        IReadOnlyList<Project> projects, IReadOnlyList<WorkspaceMember> joined, Random random, DateTimeOffset now)
    {
        // The key's secret is made and forgotten, as the API keys section shows a secret once: the demo's trainer
        // stands for a worker that was given it. An Admin makes a key of their own to run one.
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var trainer = new ApiKey(workspaceId, "Training cluster", "wd_" + secret[..7], ApiKeyService.Hash(secret), joined[0].Id, now.AddDays(-40));
        db.ApiKeys.Add(trainer);
        for (var j = 0; j < 60; j++)
        {
            var type = (JobType)(j % 3);
            var resource = type == JobType.DataImport ? (Resource)datasets[j % datasets.Count] : projects[j % projects.Count];
            var starter = joined[j % 8];
            var started = now.AddHours(-j * 9 - random.Next(0, 8));
            var title = type switch
            {
                JobType.DataImport => $"Import {12 + j} files into {resource.Name}",
                JobType.LabelImport => $"Import labels into {resource.Name}",
                _ => $"Train detector v{j / 3 + 1} on {resource.Name}",
            };
            var job = type == JobType.ModelTraining
                ? new Job(workspaceId, type, title, resource.Id, null, trainer.Id, isExternal: true, started)
                : new Job(workspaceId, type, title, resource.Id, starter.Id, null, isExternal: false, started);
            var total = 12 + j;
            if (type == JobType.DataImport) job.UseStorageFolder($"{workspaceId:N}/{resource.Id:N}/{job.Id:N}");
            if (j < 3 && type == JobType.ModelTraining)
                // Only an external job is left running: nothing in this process would ever move a built-in one.
                job.ReportProgress(total / 3 * (j + 1) - 1, total, now);
            else if (j % 7 == 0)
            {
                job.ReportProgress(total / 2, total, started.AddMinutes(3));
                job.Fail($"{2 + j % 3} items could not be processed.",
                    Enumerable.Range(0, 2 + j % 3).Select(k => ($"item_{k:000}.jpg", k % 2 == 0 ? "Unsupported file type (.heic)." : "The file is empty.")),
                    started.AddMinutes(4));
            }
            else
            {
                job.ReportProgress(total, total, started.AddMinutes(5));
                job.Succeed(started.AddMinutes(6 + j % 20));
            }
            db.Jobs.Add(job);
            if (type == JobType.DataImport) AddImportedFiles(db, folders, job);
        }
    }

    /// <summary>The files a finished demo import brought in, written to its storage folder and registered as it would.</summary>
    private static void AddImportedFiles(DashboardDbContext db, ImportFolders folders, Job job)
    {
        var folder = folders.StorageFor(job.StorageFolder!);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < job.ItemsDone; i++)
        {
            var name = $"frame_{i + 1:0000}.bmp";
            var image = Image(job.Id.GetHashCode() ^ i);
            File.WriteAllBytes(Path.Combine(folder, name), image);
            db.DataUnits.Add(new DataUnit(job.ResourceId!.Value, job.Id, name, image.Length, "image/bmp",
                Convert.ToHexStringLower(SHA256.HashData(image)), $"{job.StorageFolder}/{name}", job.LastUpdateAt, $"demo.zip/{name}"));
        }
    }

    /// <summary>A 32×24 picture in one of many colour gradients: an uncompressed 24-bit BMP, which any browser shows.</summary>
    private static byte[] Image(int seed)
    {
        const int width = 32, height = 24, row = width * 3, headerSize = 54;
        var bytes = new byte[headerSize + row * height];
        var header = bytes.AsSpan();
        header[0] = (byte)'B';
        header[1] = (byte)'M';
        BitConverter.TryWriteBytes(header[2..], bytes.Length);
        BitConverter.TryWriteBytes(header[10..], headerSize);
        BitConverter.TryWriteBytes(header[14..], 40);
        BitConverter.TryWriteBytes(header[18..], width);
        BitConverter.TryWriteBytes(header[22..], height);
        BitConverter.TryWriteBytes(header[26..], (short)1);
        BitConverter.TryWriteBytes(header[28..], (short)24);
        var (red, green, blue) = ((byte)seed, (byte)(seed >> 8), (byte)(seed >> 16));
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var at = headerSize + y * row + x * 3;
                (bytes[at], bytes[at + 1], bytes[at + 2]) = ((byte)(blue + x * 4), (byte)(green + y * 6), (byte)(red + (x + y) * 2));
            }
        return bytes;
    }

    /// <summary>Tops the demo workspace up to <paramref name="wanted"/> finished jobs, in batches, for looking at the list at scale.</summary>
    public static async Task SeedManyAsync(IServiceProvider services, string normalizedWorkspaceName, int wanted, DateTimeOffset now, ILogger logger)
    {
        var factory = services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        Guid workspaceId;
        List<Guid> starters, datasets;
        int existing;
        await using (var db = await factory.CreateDbContextAsync())
        {
            workspaceId = await db.Workspaces.Where(w => w.NormalizedName == normalizedWorkspaceName).Select(w => w.Id).FirstAsync();
            starters = await db.Members.Where(m => m.WorkspaceId == workspaceId && m.Status == MemberStatus.Joined).Select(m => m.Id).Take(10).ToListAsync();
            datasets = await db.Datasets.Where(d => d.WorkspaceId == workspaceId).Select(d => d.Id).ToListAsync();
            existing = await db.Jobs.CountAsync(j => j.WorkspaceId == workspaceId);
        }
        var random = new Random(7);
        for (var done = existing; done < wanted;)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = Math.Min(5_000, wanted - done);
            for (var i = 0; i < batch; i++, done++)
            {
                var type = (JobType)(done % 3);
                var started = now.AddMinutes(-(done * 7) - random.Next(0, 5));
                var job = new Job(workspaceId, type, $"Historic {type} #{done}", datasets[done % datasets.Count], starters[done % starters.Count],
                    null, type == JobType.ModelTraining, started);
                job.ReportProgress(10, 10, started.AddMinutes(1));
                if (done % 11 == 0) job.Fail("Demo failure.", [], started.AddMinutes(2));
                else job.Succeed(started.AddMinutes(2));
                db.Jobs.Add(job);
            }
            await db.SaveChangesAsync();
            logger.LogInformation("Demo jobs: {Done} of {Wanted}", done, wanted);
        }
    }
}
