using System.Net;
using Dashboard.Domain.Access;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>
/// The permission table in what pages show, per role, as the server renders them: a Tasker sees no other member's
/// name or email (counts are fine); nobody sees the name of a Project, Dataset or Ontology they cannot open.
/// </summary>
public class WhatPagesShowHttpTests(SignedInRoles roles) : IClassFixture<SignedInRoles>
{
    private static readonly string[] OtherPeople = ["Ada Admin", "Member Person", "WorkforceManager Person", "admin@acme.example", "member@acme.example", "workforcemanager@acme.example"];

    private static IEnumerable<string> OthersThan(WorkspaceRole role) =>
        OtherPeople.Where(o => !o.StartsWith(role == WorkspaceRole.Admin ? "Ada" : role.ToString(), StringComparison.OrdinalIgnoreCase)
                               && !o.StartsWith(role.ToString().ToLowerInvariant() + "@", StringComparison.Ordinal));

    private async Task<string> PageAsync(WorkspaceRole role, string path)
    {
        var response = await roles.Clients[role].GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData(WorkspaceRole.Admin, true)]
    [InlineData(WorkspaceRole.Member, true)]
    [InlineData(WorkspaceRole.WorkforceManager, true)]
    [InlineData(WorkspaceRole.Tasker, false)]
    public async Task AProjectsMembers_ShowOthersByName_OnlyToThoseWhoMaySeeMembers(WorkspaceRole role, bool namesOthers)
    {
        var html = await PageAsync(role, $"/projects/{roles.AssignedProject}");

        Assert.Contains("people-with-access", html);
        foreach (var other in OthersThan(role))
            Assert.True(html.Contains(other) == namesOthers, $"{role} {(namesOthers ? "should" : "should not")} see {other}.");
        Assert.Contains($"{role.ToString().ToLowerInvariant()}@acme.example", html);
        Assert.True(html.Contains("data-testid=\"hidden-people\"") == !namesOthers);
    }

    [Theory]
    [InlineData(WorkspaceRole.Admin, true)]
    [InlineData(WorkspaceRole.Member, true)]
    [InlineData(WorkspaceRole.WorkforceManager, true)]
    [InlineData(WorkspaceRole.Tasker, false)]
    public async Task AGroupPage_ShowsATaskerOnlyThemself_WithTheCount(WorkspaceRole role, bool namesOthers)
    {
        var admin = roles.Actors[WorkspaceRole.Admin];
        var everyone = roles.Actors.Values.Select(a => a.MemberId).ToList();
        var group = (await roles.Factory.Services.GetRequiredService<GroupService>()
            .CreateAsync(admin, new CreateGroup($"Everyone {role}", "", everyone, []))).Value;

        var html = await PageAsync(role, $"/groups/{group}");

        Assert.Contains("Members (4)", html);
        foreach (var other in OthersThan(role))
            Assert.True(html.Contains(other) == namesOthers, $"{role} {(namesOthers ? "should" : "should not")} see {other}.");
        Assert.Contains($"{role.ToString().ToLowerInvariant()}@acme.example", html);
        Assert.True(html.Contains("and 3 other members") == !namesOthers);
    }

    [Theory]
    [InlineData(WorkspaceRole.Admin, true)]
    [InlineData(WorkspaceRole.Member, false)]
    [InlineData(WorkspaceRole.WorkforceManager, false)]
    public async Task AGroupPage_NamesOnlyTheResourcesTheViewerCanOpen(WorkspaceRole role, bool namesIt)
    {
        var admin = roles.Actors[WorkspaceRole.Admin];
        var secret = $"Secret project {role}";
        var resources = roles.Factory.Services.GetRequiredService<ResourceService>();
        var ontology = (await resources.CreateAsync(admin, new CreateResource(ResourceKind.Ontology, $"Signs {role}", ""))).Value;
        var project = (await resources.CreateAsync(admin, new CreateResource(ResourceKind.Project, secret, "", ontology))).Value;
        var group = (await roles.Factory.Services.GetRequiredService<GroupService>()
            .CreateAsync(admin, new CreateGroup($"Night shift {role}", "", [roles.Actors[WorkspaceRole.Tasker].MemberId], []))).Value;
        await roles.Factory.Services.GetRequiredService<ResourceAssignments>()
            .AssignAsync(admin, ResourceKind.Project, [project], AccessHolder.Group(group), ResourceRole.Annotator);

        var html = await PageAsync(role, $"/groups/{group}");

        Assert.True(html.Contains(secret) == namesIt, $"{role} {(namesIt ? "should" : "should not")} see \"{secret}\".");
        Assert.True(html.Contains("1 Project you cannot open") == !namesIt);
    }

    [Fact]
    public async Task AnOntologyPage_CountsTheProjectsAMemberCannotOpen()
    {
        var admin = roles.Actors[WorkspaceRole.Admin];
        var member = roles.Actors[WorkspaceRole.Member];
        var resources = roles.Factory.Services.GetRequiredService<ResourceService>();
        var access = roles.Factory.Services.GetRequiredService<ResourceAccessService>();
        var ontology = (await resources.CreateAsync(admin, new CreateResource(ResourceKind.Ontology, "Shared classes", ""))).Value;
        var open = (await resources.CreateAsync(admin, new CreateResource(ResourceKind.Project, "Open to Member", "", ontology))).Value;
        await resources.CreateAsync(admin, new CreateResource(ResourceKind.Project, "Closed to Member", "", ontology));
        await access.AddMembersAsync(admin, ontology, [member.MemberId], ResourceRole.User);
        await access.AddMembersAsync(admin, open, [member.MemberId], ResourceRole.Annotator);

        var html = await PageAsync(WorkspaceRole.Member, $"/ontologies/{ontology}");
        var adminHtml = await PageAsync(WorkspaceRole.Admin, $"/ontologies/{ontology}");

        Assert.Contains("Open to Member", html);
        Assert.DoesNotContain("Closed to Member", html);
        Assert.Contains("1 Project you cannot open", html);
        Assert.Contains("Closed to Member", adminHtml);
        Assert.DoesNotContain("you cannot open", adminHtml);
    }
}
