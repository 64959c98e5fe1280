using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Workspaces;

namespace Dashboard.Tests.Domain.Access;

public class PermissionTableTests
{
    // docs/product.md "Roles and the permission table", transcribed cell by cell and independently of the production table.
    //                                               Admin      Member    Workforce Manager   Tasker
    private static readonly (Permission Permission, string[] Cells)[] Spec =
    [
        (Permission.AddAndRemoveUsers,       ["yes", "no", "taskers", "no"]),
        (Permission.ViewAllResources,        ["yes", "no", "no", "no"]),
        (Permission.CreateResources,         ["yes", "yes", "yes", "no"]),
        (Permission.AccessAssignedResources, ["yes", "yes", "yes", "yes"]),
        (Permission.CreateGroups,            ["yes", "no", "yes", "no"]),
        (Permission.SeeOtherMembers,         ["yes", "yes", "yes", "no"]),
        (Permission.ChangeUserRoles,         ["yes", "no", "no", "no"]),
        (Permission.ManageWorkspaceSettings, ["yes", "no", "no", "no"]),
        (Permission.ManageAllGroups,         ["yes", "no", "no", "no"]),
        (Permission.ManageAllResources,      ["yes", "no", "no", "no"]),
    ];

    private static readonly WorkspaceRole[] Columns =
        [WorkspaceRole.Admin, WorkspaceRole.Member, WorkspaceRole.WorkforceManager, WorkspaceRole.Tasker];

    public static TheoryData<Permission, WorkspaceRole, string> EveryCell()
    {
        var data = new TheoryData<Permission, WorkspaceRole, string>();
        foreach (var (permission, cells) in Spec)
            for (var column = 0; column < Columns.Length; column++)
                data.Add(permission, Columns[column], cells[column]);
        return data;
    }

    private static Actor ActorWith(WorkspaceRole role) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Acme", role, UserType.Internal);

    [Theory]
    [MemberData(nameof(EveryCell))]
    public void Require_AllowsOrRefusesEachRoleAsTheSpecSays(Permission permission, WorkspaceRole role, string cell)
    {
        var actor = ActorWith(role);

        var result = actor.Require(permission);

        Assert.Equal(cell != "no", result.Succeeded);
        if (cell == "no")
        {
            Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
            Assert.Contains(role.Display(), result.Error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(EveryCell))]
    public void RequireOver_LimitsTaskersOnlyCellsToTaskers(Permission permission, WorkspaceRole role, string cell)
    {
        var actor = ActorWith(role);

        foreach (var target in Columns)
        {
            var expected = cell switch { "yes" => true, "taskers" => target == WorkspaceRole.Tasker, _ => false };
            Assert.Equal(expected, actor.RequireOver(permission, target).Succeeded);
        }
    }

    [Fact]
    public void Table_HasExactlyTheSpecsRowsAndColumns()
    {
        Assert.Equal(Spec.Select(r => r.Permission).Order(), PermissionTable.Permissions.Order());
        Assert.Equal(Columns, PermissionTable.Roles);
    }

    [Fact]
    public void RequireOver_ForWorkforceManagerRemovingAMember_SaysTaskersOnly()
    {
        var result = ActorWith(WorkspaceRole.WorkforceManager).RequireOver(Permission.AddAndRemoveUsers, WorkspaceRole.Member);

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
        Assert.Contains("only for Taskers", result.Error.Message);
    }
}
