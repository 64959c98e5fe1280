CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "Workspaces" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Workspaces" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "NormalizedName" TEXT NOT NULL,
    "IsWorkforce" INTEGER NOT NULL,
    "RequireTwoFactor" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CurrentWorkspaceId" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Workspaces_CurrentWorkspaceId" FOREIGN KEY ("CurrentWorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE SET NULL
);

CREATE TABLE "EmailDomains" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EmailDomains" PRIMARY KEY,
    "WorkspaceId" TEXT NOT NULL,
    "Domain" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "UserType" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_EmailDomains_Workspaces_WorkspaceId" FOREIGN KEY ("WorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Groups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Groups" PRIMARY KEY,
    "WorkspaceId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NormalizedName" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Groups_Workspaces_WorkspaceId" FOREIGN KEY ("WorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IssueTags" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IssueTags" PRIMARY KEY,
    "WorkspaceId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NormalizedName" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_IssueTags_Workspaces_WorkspaceId" FOREIGN KEY ("WorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectTags" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProjectTags" PRIMARY KEY,
    "WorkspaceId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NormalizedName" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_ProjectTags_Workspaces_WorkspaceId" FOREIGN KEY ("WorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Resources" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Resources" PRIMARY KEY,
    "WorkspaceId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NormalizedName" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "CreatedByMemberId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ResourceKind" TEXT NOT NULL,
    "OntologyId" TEXT NULL,
    CONSTRAINT "FK_Resources_Resources_OntologyId" FOREIGN KEY ("OntologyId") REFERENCES "Resources" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Resources_Workspaces_WorkspaceId" FOREIGN KEY ("WorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Members" PRIMARY KEY,
    "WorkspaceId" TEXT NOT NULL,
    "AccountId" TEXT NULL,
    "Email" TEXT NOT NULL,
    "NormalizedEmail" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "UserType" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "StatusAt" INTEGER NOT NULL,
    "InvitedAt" INTEGER NULL,
    "JoinedAt" INTEGER NULL,
    CONSTRAINT "FK_Members_AspNetUsers_AccountId" FOREIGN KEY ("AccountId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Members_Workspaces_WorkspaceId" FOREIGN KEY ("WorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OntologyClasses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OntologyClasses" PRIMARY KEY,
    "OntologyId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Shape" TEXT NOT NULL,
    CONSTRAINT "FK_OntologyClasses_Resources_OntologyId" FOREIGN KEY ("OntologyId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectDatasets" (
    "ProjectId" TEXT NOT NULL,
    "DatasetId" TEXT NOT NULL,
    CONSTRAINT "PK_ProjectDatasets" PRIMARY KEY ("ProjectId", "DatasetId"),
    CONSTRAINT "FK_ProjectDatasets_Resources_DatasetId" FOREIGN KEY ("DatasetId") REFERENCES "Resources" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProjectDatasets_Resources_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectTagLinks" (
    "ProjectId" TEXT NOT NULL,
    "TagId" TEXT NOT NULL,
    CONSTRAINT "PK_ProjectTagLinks" PRIMARY KEY ("ProjectId", "TagId"),
    CONSTRAINT "FK_ProjectTagLinks_ProjectTags_TagId" FOREIGN KEY ("TagId") REFERENCES "ProjectTags" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProjectTagLinks_Resources_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ApiKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiKeys" PRIMARY KEY,
    "WorkspaceId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "CreatedByMemberId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "RevokedAt" INTEGER NULL,
    "LastUsedAt" INTEGER NULL,
    CONSTRAINT "FK_ApiKeys_Members_CreatedByMemberId" FOREIGN KEY ("CreatedByMemberId") REFERENCES "Members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ApiKeys_Workspaces_WorkspaceId" FOREIGN KEY ("WorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GroupManagers" (
    "GroupId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    CONSTRAINT "PK_GroupManagers" PRIMARY KEY ("GroupId", "MemberId"),
    CONSTRAINT "FK_GroupManagers_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_GroupManagers_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GroupMemberships" (
    "GroupId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    CONSTRAINT "PK_GroupMemberships" PRIMARY KEY ("GroupId", "MemberId"),
    CONSTRAINT "FK_GroupMemberships_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_GroupMemberships_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Invitations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Invitations" PRIMARY KEY,
    "WorkspaceId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "InvitedByMemberId" TEXT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "UsedAt" INTEGER NULL,
    "RevokedAt" INTEGER NULL,
    CONSTRAINT "FK_Invitations_Members_InvitedByMemberId" FOREIGN KEY ("InvitedByMemberId") REFERENCES "Members" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Invitations_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Invitations_Workspaces_WorkspaceId" FOREIGN KEY ("WorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Issues" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Issues" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "RaisedByMemberId" TEXT NOT NULL,
    "RaisedAt" INTEGER NOT NULL,
    "ResolvedAt" INTEGER NULL,
    CONSTRAINT "FK_Issues_Members_RaisedByMemberId" FOREIGN KEY ("RaisedByMemberId") REFERENCES "Members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Issues_Resources_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ResourceAccess" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResourceAccess" PRIMARY KEY,
    "ResourceId" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "GroupId" TEXT NULL,
    "Role" TEXT NOT NULL,
    "GrantedAt" INTEGER NOT NULL,
    CONSTRAINT "CK_ResourceAccess_MemberXorGroup" CHECK (("MemberId" IS NULL) <> ("GroupId" IS NULL)),
    CONSTRAINT "FK_ResourceAccess_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ResourceAccess_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ResourceAccess_Resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Jobs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Jobs" PRIMARY KEY,
    "WorkspaceId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "ResourceId" TEXT NULL,
    "StartedByMemberId" TEXT NULL,
    "StartedByApiKeyId" TEXT NULL,
    "IsExternal" INTEGER NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "FinishedAt" INTEGER NULL,
    "LastUpdateAt" INTEGER NOT NULL,
    "ItemsDone" INTEGER NOT NULL,
    "ItemsTotal" INTEGER NOT NULL,
    "StorageFolder" TEXT NULL,
    "ErrorSummary" TEXT NULL,
    CONSTRAINT "FK_Jobs_ApiKeys_StartedByApiKeyId" FOREIGN KEY ("StartedByApiKeyId") REFERENCES "ApiKeys" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Jobs_Members_StartedByMemberId" FOREIGN KEY ("StartedByMemberId") REFERENCES "Members" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Jobs_Resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "Resources" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Jobs_Workspaces_WorkspaceId" FOREIGN KEY ("WorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IssueTagLinks" (
    "IssueId" TEXT NOT NULL,
    "TagId" TEXT NOT NULL,
    CONSTRAINT "PK_IssueTagLinks" PRIMARY KEY ("IssueId", "TagId"),
    CONSTRAINT "FK_IssueTagLinks_IssueTags_TagId" FOREIGN KEY ("TagId") REFERENCES "IssueTags" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IssueTagLinks_Issues_IssueId" FOREIGN KEY ("IssueId") REFERENCES "Issues" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DataUnits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataUnits" PRIMARY KEY,
    "DatasetId" TEXT NOT NULL,
    "JobId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StoragePath" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_DataUnits_Jobs_JobId" FOREIGN KEY ("JobId") REFERENCES "Jobs" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_DataUnits_Resources_DatasetId" FOREIGN KEY ("DatasetId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobProblems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobProblems" PRIMARY KEY,
    "JobId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Item" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    CONSTRAINT "FK_JobProblems_Jobs_JobId" FOREIGN KEY ("JobId") REFERENCES "Jobs" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ApiKeys_CreatedByMemberId" ON "ApiKeys" ("CreatedByMemberId");

CREATE UNIQUE INDEX "IX_ApiKeys_KeyHash" ON "ApiKeys" ("KeyHash");

CREATE INDEX "IX_ApiKeys_WorkspaceId" ON "ApiKeys" ("WorkspaceId");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_CurrentWorkspaceId" ON "AspNetUsers" ("CurrentWorkspaceId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_DataUnits_DatasetId_Name" ON "DataUnits" ("DatasetId", "Name");

CREATE INDEX "IX_DataUnits_JobId" ON "DataUnits" ("JobId");

CREATE UNIQUE INDEX "IX_EmailDomains_Domain" ON "EmailDomains" ("Domain");

CREATE INDEX "IX_EmailDomains_WorkspaceId" ON "EmailDomains" ("WorkspaceId");

CREATE INDEX "IX_GroupManagers_MemberId" ON "GroupManagers" ("MemberId");

CREATE INDEX "IX_GroupMemberships_MemberId" ON "GroupMemberships" ("MemberId");

CREATE UNIQUE INDEX "IX_Groups_WorkspaceId_NormalizedName" ON "Groups" ("WorkspaceId", "NormalizedName");

CREATE INDEX "IX_Invitations_InvitedByMemberId" ON "Invitations" ("InvitedByMemberId");

CREATE INDEX "IX_Invitations_MemberId" ON "Invitations" ("MemberId");

CREATE UNIQUE INDEX "IX_Invitations_TokenHash" ON "Invitations" ("TokenHash");

CREATE INDEX "IX_Invitations_WorkspaceId" ON "Invitations" ("WorkspaceId");

CREATE INDEX "IX_Issues_ProjectId_Status_RaisedAt" ON "Issues" ("ProjectId", "Status", "RaisedAt");

CREATE INDEX "IX_Issues_RaisedByMemberId" ON "Issues" ("RaisedByMemberId");

CREATE INDEX "IX_IssueTagLinks_TagId_IssueId" ON "IssueTagLinks" ("TagId", "IssueId");

CREATE UNIQUE INDEX "IX_IssueTags_WorkspaceId_NormalizedName" ON "IssueTags" ("WorkspaceId", "NormalizedName");

CREATE INDEX "IX_JobProblems_JobId_Position" ON "JobProblems" ("JobId", "Position");

CREATE INDEX "IX_Jobs_ResourceId" ON "Jobs" ("ResourceId");

CREATE INDEX "IX_Jobs_StartedByApiKeyId" ON "Jobs" ("StartedByApiKeyId");

CREATE INDEX "IX_Jobs_StartedByMemberId" ON "Jobs" ("StartedByMemberId");

CREATE INDEX "IX_Jobs_Status_IsExternal_LastUpdateAt" ON "Jobs" ("Status", "IsExternal", "LastUpdateAt");

CREATE INDEX "IX_Jobs_WorkspaceId_StartedAt" ON "Jobs" ("WorkspaceId", "StartedAt");

CREATE INDEX "IX_Jobs_WorkspaceId_StartedByMemberId_StartedAt" ON "Jobs" ("WorkspaceId", "StartedByMemberId", "StartedAt");

CREATE INDEX "IX_Jobs_WorkspaceId_Status_StartedAt" ON "Jobs" ("WorkspaceId", "Status", "StartedAt");

CREATE INDEX "IX_Jobs_WorkspaceId_Type_StartedAt" ON "Jobs" ("WorkspaceId", "Type", "StartedAt");

CREATE INDEX "IX_Members_AccountId" ON "Members" ("AccountId");

CREATE INDEX "IX_Members_NormalizedEmail" ON "Members" ("NormalizedEmail");

CREATE INDEX "IX_Members_WorkspaceId_DisplayName" ON "Members" ("WorkspaceId", "DisplayName");

CREATE UNIQUE INDEX "IX_Members_WorkspaceId_NormalizedEmail" ON "Members" ("WorkspaceId", "NormalizedEmail");

CREATE INDEX "IX_Members_WorkspaceId_Role" ON "Members" ("WorkspaceId", "Role");

CREATE INDEX "IX_Members_WorkspaceId_Status_StatusAt" ON "Members" ("WorkspaceId", "Status", "StatusAt");

CREATE INDEX "IX_Members_WorkspaceId_UserType" ON "Members" ("WorkspaceId", "UserType");

CREATE UNIQUE INDEX "IX_OntologyClasses_OntologyId_Name" ON "OntologyClasses" ("OntologyId", "Name");

CREATE INDEX "IX_ProjectDatasets_DatasetId" ON "ProjectDatasets" ("DatasetId");

CREATE INDEX "IX_ProjectTagLinks_TagId_ProjectId" ON "ProjectTagLinks" ("TagId", "ProjectId");

CREATE UNIQUE INDEX "IX_ProjectTags_WorkspaceId_NormalizedName" ON "ProjectTags" ("WorkspaceId", "NormalizedName");

CREATE INDEX "IX_ResourceAccess_GroupId_ResourceId" ON "ResourceAccess" ("GroupId", "ResourceId");

CREATE INDEX "IX_ResourceAccess_MemberId_ResourceId" ON "ResourceAccess" ("MemberId", "ResourceId");

CREATE UNIQUE INDEX "IX_ResourceAccess_ResourceId_GroupId" ON "ResourceAccess" ("ResourceId", "GroupId");

CREATE UNIQUE INDEX "IX_ResourceAccess_ResourceId_MemberId" ON "ResourceAccess" ("ResourceId", "MemberId");

CREATE INDEX "IX_Resources_OntologyId" ON "Resources" ("OntologyId");

CREATE INDEX "IX_Resources_WorkspaceId_ResourceKind_CreatedAt" ON "Resources" ("WorkspaceId", "ResourceKind", "CreatedAt");

CREATE UNIQUE INDEX "IX_Resources_WorkspaceId_ResourceKind_NormalizedName" ON "Resources" ("WorkspaceId", "ResourceKind", "NormalizedName");

CREATE UNIQUE INDEX "IX_Workspaces_NormalizedName" ON "Workspaces" ("NormalizedName");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122193248_Initial', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ef_temp_ApiKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiKeys" PRIMARY KEY,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedByMemberId" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "LastUsedAt" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "RevokedAt" INTEGER NULL,
    "WorkspaceId" TEXT NOT NULL,
    CONSTRAINT "FK_ApiKeys_Members_CreatedByMemberId" FOREIGN KEY ("CreatedByMemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ApiKeys_Workspaces_WorkspaceId" FOREIGN KEY ("WorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_ApiKeys" ("Id", "CreatedAt", "CreatedByMemberId", "KeyHash", "LastUsedAt", "Name", "Prefix", "RevokedAt", "WorkspaceId")
SELECT "Id", "CreatedAt", "CreatedByMemberId", "KeyHash", "LastUsedAt", "Name", "Prefix", "RevokedAt", "WorkspaceId"
FROM "ApiKeys";

CREATE TABLE "ef_temp_Issues" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Issues" PRIMARY KEY,
    "Description" TEXT NOT NULL,
    "ProjectId" TEXT NOT NULL,
    "RaisedAt" INTEGER NOT NULL,
    "RaisedByMemberId" TEXT NULL,
    "ResolvedAt" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    CONSTRAINT "FK_Issues_Members_RaisedByMemberId" FOREIGN KEY ("RaisedByMemberId") REFERENCES "Members" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Issues_Resources_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_Issues" ("Id", "Description", "ProjectId", "RaisedAt", "RaisedByMemberId", "ResolvedAt", "Status", "Title")
SELECT "Id", "Description", "ProjectId", "RaisedAt", "RaisedByMemberId", "ResolvedAt", "Status", "Title"
FROM "Issues";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "ApiKeys";

ALTER TABLE "ef_temp_ApiKeys" RENAME TO "ApiKeys";

DROP TABLE "Issues";

ALTER TABLE "ef_temp_Issues" RENAME TO "Issues";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_ApiKeys_CreatedByMemberId" ON "ApiKeys" ("CreatedByMemberId");

CREATE UNIQUE INDEX "IX_ApiKeys_KeyHash" ON "ApiKeys" ("KeyHash");

CREATE INDEX "IX_ApiKeys_WorkspaceId" ON "ApiKeys" ("WorkspaceId");

CREATE INDEX "IX_Issues_ProjectId_Status_RaisedAt" ON "Issues" ("ProjectId", "Status", "RaisedAt");

CREATE INDEX "IX_Issues_RaisedByMemberId" ON "Issues" ("RaisedByMemberId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122220220_MembersCanLeave', '10.0.14');

BEGIN TRANSACTION;
CREATE TABLE "Labels" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Labels" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "DataUnitId" TEXT NOT NULL,
    "OntologyClassId" TEXT NOT NULL,
    "Shape" TEXT NOT NULL,
    "GeometryJson" TEXT NOT NULL,
    "JobId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Labels_DataUnits_DataUnitId" FOREIGN KEY ("DataUnitId") REFERENCES "DataUnits" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Labels_Jobs_JobId" FOREIGN KEY ("JobId") REFERENCES "Jobs" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Labels_OntologyClasses_OntologyClassId" FOREIGN KEY ("OntologyClassId") REFERENCES "OntologyClasses" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Labels_Resources_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Labels_DataUnitId" ON "Labels" ("DataUnitId");

CREATE INDEX "IX_Labels_JobId" ON "Labels" ("JobId");

CREATE INDEX "IX_Labels_OntologyClassId" ON "Labels" ("OntologyClassId");

CREATE INDEX "IX_Labels_ProjectId_DataUnitId" ON "Labels" ("ProjectId", "DataUnitId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122223939_LabelsImported', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122225049_JobProblemIdsFromApp', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AuditLog" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditLog" PRIMARY KEY,
    "WorkspaceId" TEXT NOT NULL,
    "ActorMemberId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL,
    "At" INTEGER NOT NULL,
    CONSTRAINT "FK_AuditLog_Workspaces_WorkspaceId" FOREIGN KEY ("WorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AuditLog_WorkspaceId_Action_At" ON "AuditLog" ("WorkspaceId", "Action", "At");

CREATE INDEX "IX_AuditLog_WorkspaceId_ActorMemberId_At" ON "AuditLog" ("WorkspaceId", "ActorMemberId", "At");

CREATE INDEX "IX_AuditLog_WorkspaceId_At" ON "AuditLog" ("WorkspaceId", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122230129_AuditLog', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Members" ADD "HomeWorkspaceId" TEXT NULL;

CREATE INDEX "IX_Jobs_WorkspaceId_Type_Status_StartedAt" ON "Jobs" ("WorkspaceId", "Type", "Status", "StartedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123014216_WorkforceHomeAndJobsByTypeAndStatus', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_EmailDomains_Domain";

DROP INDEX "IX_EmailDomains_WorkspaceId";

ALTER TABLE "EmailDomains" ADD "VerificationToken" TEXT NOT NULL DEFAULT '';

ALTER TABLE "EmailDomains" ADD "VerifiedAt" INTEGER NULL;

UPDATE "EmailDomains" SET "VerificationToken" = 'dashboard-verify=' || lower(hex(randomblob(16)));

ALTER TABLE "AspNetUsers" ADD "ConfirmationSentAt" INTEGER NULL;

ALTER TABLE "AspNetUsers" ADD "LastAuthenticatorStep" INTEGER NULL;

CREATE UNIQUE INDEX "IX_EmailDomains_Domain_Verified" ON "EmailDomains" ("Domain") WHERE "VerifiedAt" IS NOT NULL;

CREATE UNIQUE INDEX "IX_EmailDomains_WorkspaceId_Domain" ON "EmailDomains" ("WorkspaceId", "Domain");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123083601_VerifiedDomainsAndProvenAddresses', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Notices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notices" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "DismissedAt" INTEGER NULL,
    CONSTRAINT "FK_Notices_AspNetUsers_AccountId" FOREIGN KEY ("AccountId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkforcePartners" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkforcePartners" PRIMARY KEY,
    "WorkforceWorkspaceId" TEXT NOT NULL,
    "ClientWorkspaceId" TEXT NOT NULL,
    "AddedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_WorkforcePartners_Workspaces_ClientWorkspaceId" FOREIGN KEY ("ClientWorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_WorkforcePartners_Workspaces_WorkforceWorkspaceId" FOREIGN KEY ("WorkforceWorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Notices_AccountId_DismissedAt" ON "Notices" ("AccountId", "DismissedAt");

CREATE INDEX "IX_WorkforcePartners_ClientWorkspaceId" ON "WorkforcePartners" ("ClientWorkspaceId");

CREATE UNIQUE INDEX "IX_WorkforcePartners_WorkforceWorkspaceId_ClientWorkspaceId" ON "WorkforcePartners" ("WorkforceWorkspaceId", "ClientWorkspaceId");

INSERT INTO "WorkforcePartners" ("Id", "WorkforceWorkspaceId", "ClientWorkspaceId", "AddedAt")
SELECT upper(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
             || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
       lent."HomeWorkspaceId", lent."WorkspaceId", lent."Since"
FROM (SELECT "HomeWorkspaceId", "WorkspaceId", COALESCE(MIN("JoinedAt"), MIN("StatusAt")) AS "Since" FROM "Members"
      WHERE "UserType" = 'Workforce' AND "HomeWorkspaceId" IS NOT NULL
        AND "HomeWorkspaceId" IN (SELECT "Id" FROM "Workspaces")
      GROUP BY "HomeWorkspaceId", "WorkspaceId") AS lent;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123090956_WorkforcePartnersAndNotices', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Jobs" ADD "Version" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123093008_JobVersionsForAtomicMoves', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Groups" ADD "Version" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123104958_GroupVersionsAndRoleTokens', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Workspaces" ADD "SettingsVersion" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';

ALTER TABLE "Resources" ADD "Version" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123122032_ResourceSettingsDomainAndKeyVersions', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "DataUnits" ADD "Source" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123122932_DataUnitSources', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123152030_TagsInOneNamespace', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_Members_WorkspaceId_DisplayName";

DROP INDEX "IX_Members_WorkspaceId_Role";

DROP INDEX "IX_Members_WorkspaceId_Status_StatusAt";

DROP INDEX "IX_Members_WorkspaceId_UserType";

CREATE INDEX "IX_Members_WorkspaceId_DisplayName_NormalizedEmail" ON "Members" ("WorkspaceId", "DisplayName", "NormalizedEmail");

CREATE INDEX "IX_Members_WorkspaceId_Role_DisplayName" ON "Members" ("WorkspaceId", "Role", "DisplayName");

CREATE INDEX "IX_Members_WorkspaceId_Status_StatusAt" ON "Members" ("WorkspaceId", "Status", "StatusAt" DESC);

CREATE INDEX "IX_Members_WorkspaceId_UserType_DisplayName" ON "Members" ("WorkspaceId", "UserType", "DisplayName");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123165754_MemberSortIndexes', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_Jobs_WorkspaceId_StartedAt";

DROP INDEX "IX_Jobs_WorkspaceId_StartedByMemberId_StartedAt";

DROP INDEX "IX_Jobs_WorkspaceId_Status_StartedAt";

DROP INDEX "IX_Jobs_WorkspaceId_Type_StartedAt";

DROP INDEX "IX_Jobs_WorkspaceId_Type_Status_StartedAt";

CREATE INDEX "IX_Jobs_WorkspaceId_StartedAt_Id" ON "Jobs" ("WorkspaceId", "StartedAt", "Id");

CREATE INDEX "IX_Jobs_WorkspaceId_StartedByMemberId_StartedAt_Id" ON "Jobs" ("WorkspaceId", "StartedByMemberId", "StartedAt", "Id");

CREATE INDEX "IX_Jobs_WorkspaceId_Status_StartedAt_Id" ON "Jobs" ("WorkspaceId", "Status", "StartedAt", "Id");

CREATE INDEX "IX_Jobs_WorkspaceId_Type_StartedAt_Id" ON "Jobs" ("WorkspaceId", "Type", "StartedAt", "Id");

CREATE INDEX "IX_Jobs_WorkspaceId_Type_Status_StartedAt_Id" ON "Jobs" ("WorkspaceId", "Type", "Status", "StartedAt", "Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123233321_JobsOrderedByStartAndId', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE VIRTUAL TABLE "MemberSearch" USING fts5("DisplayName", "Email", "MemberId", tokenize = 'trigram');

INSERT INTO "MemberSearch" ("DisplayName", "Email", "MemberId") SELECT "DisplayName", "Email", "Id" FROM "Members";

CREATE TRIGGER "Members_Search_Insert" AFTER INSERT ON "Members" BEGIN
    INSERT INTO "MemberSearch" ("DisplayName", "Email", "MemberId") VALUES (new."DisplayName", new."Email", new."Id");
END;

CREATE TRIGGER "Members_Search_Update" AFTER UPDATE OF "DisplayName", "Email" ON "Members" BEGIN
    UPDATE "MemberSearch" SET "DisplayName" = new."DisplayName", "Email" = new."Email"
    WHERE "MemberSearch" MATCH 'MemberId : "' || old."Id" || '"';
END;

CREATE TRIGGER "Members_Search_Delete" AFTER DELETE ON "Members" BEGIN
    DELETE FROM "MemberSearch" WHERE "MemberSearch" MATCH 'MemberId : "' || old."Id" || '"';
END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123235514_MemberSearchIndex', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124001701_DataProtectionKeysInDatabase', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Jobs" ADD "LeaseExpiresAt" INTEGER NULL;

ALTER TABLE "Jobs" ADD "LeaseOwner" TEXT NULL;

ALTER TABLE "Jobs" ADD "QueuedAt" INTEGER NULL;

CREATE INDEX "IX_Jobs_Status_IsExternal_QueuedAt" ON "Jobs" ("Status", "IsExternal", "QueuedAt");

UPDATE "Jobs" SET "LeaseOwner" = 'a version before leases', "LeaseExpiresAt" = 0
WHERE "Status" = 'Processing' AND "IsExternal" = 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124003332_JobQueueAndLeases', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ChangeFeed" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ChangeFeed" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "Origin" TEXT NOT NULL,
    "At" INTEGER NOT NULL
);

CREATE INDEX "IX_ChangeFeed_At" ON "ChangeFeed" ("At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124022144_ChangeFeed', '10.0.14');

COMMIT;

