-- PostgreSQL: who changed an agent's state on their behalf (a supervisor or admin) and their message to the agent.

ALTER TABLE "AgentStateChanges" ADD COLUMN "ChangedByUserId" uuid NULL;
ALTER TABLE "AgentStateChanges" ADD COLUMN "Message" character varying(200) NULL;
