using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Users;

namespace Dashboard.App.Operations;

/// <summary>
/// "dotnet run --project Dashboard.App -- admin …": the server operator's commands on the data folder, for what
/// the dashboard deliberately cannot do (demote or remove an Admin, reset someone's two-factor sign-in).
/// </summary>
public static class OperatorCli
{
    public const string Verb = "admin";

    public const string Usage = """
        Usage: dotnet run --project Dashboard.App -- admin <command> [options]
          admin list      --workspace NAME                       list the workspace's Admins
          admin demote    --workspace NAME --email EMAIL         make an Admin a Member
          admin remove    --workspace NAME --email EMAIL [--replacement EMAIL]
                                                                 remove an Admin; the replacement takes over the
                                                                 Projects and Datasets they alone administer
          admin reset-2fa --email EMAIL                          turn off two-factor sign-in for an account
          admin confirm-email --email EMAIL                      confirm an account's address (no mail on this server)
          admin verify-domain --domain DOMAIN [--workspace NAME] verify a pending email domain without DNS (name the
                                                                 workspace when several added the domain)
        The last Admin of a workspace is never demoted or removed.
        """;

    /// <summary>Runs one command and returns the process exit code: 0 done, 1 refused, 2 misused.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, OperatorCommands commands, EmailDomainService domains,
        TextWriter output, TextWriter errors)
    {
        var command = args.Count > 0 ? args[0] : "";
        var options = ParseOptions(args.Skip(1).ToList());
        if (options is null)
        {
            await errors.WriteLineAsync("Options come in pairs, like --workspace \"Acme Vision\".\n" + Usage);
            return 2;
        }
        string? Option(string name) => options.GetValueOrDefault(name);

        var missing = (command switch
        {
            "list" => ["workspace"],
            "demote" or "remove" => ["workspace", "email"],
            "reset-2fa" or "confirm-email" => new[] { "email" },
            "verify-domain" => ["domain"],
            _ => null,
        })?.Where(name => string.IsNullOrWhiteSpace(Option(name))).ToList();
        if (missing is null)
        {
            await errors.WriteLineAsync((command.Length == 0 ? "Name a command." : $"Unknown command \"{command}\".") + "\n" + Usage);
            return 2;
        }
        if (missing.Count > 0)
        {
            await errors.WriteLineAsync($"admin {command} needs {string.Join(" and ", missing.Select(m => "--" + m))}.\n" + Usage);
            return 2;
        }

        if (command == "list")
        {
            var admins = await commands.ListAdminsAsync(Option("workspace")!);
            if (!admins.Succeeded) return await RefusedAsync(errors, admins.Error!);
            foreach (var admin in admins.Value)
                await output.WriteLineAsync($"{admin.DisplayName} <{admin.Email}>  {admin.Status}{(admin.TwoFactorEnabled ? "  two-factor on" : "")}");
            await output.WriteLineAsync($"{admins.Value.Count} Admin{(admins.Value.Count == 1 ? "" : "s")}.");
            return 0;
        }

        var result = command switch
        {
            "demote" => await commands.DemoteAsync(Option("workspace")!, Option("email")!),
            "remove" => await commands.RemoveAsync(Option("workspace")!, Option("email")!, Option("replacement")),
            "confirm-email" => await commands.ConfirmEmailAsync(Option("email")!),
            "verify-domain" => await domains.VerifyByOperatorAsync(Option("workspace"), Option("domain")!),
            _ => await commands.ResetTwoFactorAsync(Option("email")!),
        };
        if (!result.Succeeded) return await RefusedAsync(errors, result.Error!);
        await output.WriteLineAsync(result.Value);
        return 0;
    }

    private static async Task<int> RefusedAsync(TextWriter errors, Error error)
    {
        await errors.WriteLineAsync("Refused: " + error.Message);
        return 1;
    }

    private static Dictionary<string, string>? ParseOptions(IReadOnlyList<string> args)
    {
        if (args.Count % 2 != 0) return null;
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }
}
