-- SQL Server: who changed an agent's state on their behalf (a supervisor or admin) and their message to the agent.

ALTER TABLE [AgentStateChanges] ADD [ChangedByUserId] uniqueidentifier NULL;
ALTER TABLE [AgentStateChanges] ADD [Message] nvarchar(200) NULL;
