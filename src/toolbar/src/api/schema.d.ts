// Generated from docs/openapi.json by `npm run api-types` (openapi-typescript). Do not edit: regenerate.

export interface paths {
    "/api/v1/agent/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * CTI login: starts taking calls Ready, or Not Ready with a reason; optionally on a free hot-desk phone.
         * @description Errors: 409 `agent_already_logged_in`; 400 `unknown_pause_reason`; 409 `phone_not_free`; 403 `hot_desk_not_allowed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.AgentLoginRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.AgentLoginRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.AgentLoginRequest"];
                };
            };
            responses: {
                /** @description The agent after login. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description Invalid body (`validation_failed`) or unknown reason (`unknown_pause_reason`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Not signed in (`unauthenticated`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_an_agent`, `not_your_agent`, `hot_desk_not_allowed`, `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such agent (`agent_not_found`). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Already logged in (`agent_already_logged_in`) or the phone is taken (`phone_not_free`). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * CTI login: starts taking calls Ready, or Not Ready with a reason; optionally on a free hot-desk phone.
         * @description Errors: 409 `agent_already_logged_in`; 400 `unknown_pause_reason`; 409 `phone_not_free`; 403 `hot_desk_not_allowed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.AgentLoginRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.AgentLoginRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.AgentLoginRequest"];
                };
            };
            responses: {
                /** @description The agent after login. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description Invalid body (`validation_failed`) or unknown reason (`unknown_pause_reason`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Not signed in (`unauthenticated`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_an_agent`, `not_your_agent`, `hot_desk_not_allowed`, `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such agent (`agent_not_found`). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Already logged in (`agent_already_logged_in`) or the phone is taken (`phone_not_free`). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** CTI logout; during a call or wrap-up the logout is pending (applied when it ends). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agent (LoggedOut, or with pending Logout). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not logged in (`agent_not_logged_in`) or not allowed now (`invalid_state_transition`). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** CTI logout; during a call or wrap-up the logout is pending (applied when it ends). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agent (LoggedOut, or with pending Logout). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not logged in (`agent_not_logged_in`) or not allowed now (`invalid_state_transition`). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agent's state, pending state, current call, wrap-up end and paused skill groups. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        /**
         * Ready, Not Ready with a reason (pending during a call or wrap-up), or LoggedOut.
         * @description As `PUT /api/v1/agents/{agentId}/state` this is the supervisor's "change an agent's state" (agents of their teams only),
         *     with an optional `message`: the agent's `agentStateChanged` event carries `changedBy` (the supervisor's
         *     id and name, and the message) and the state history keeps both.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.SetAgentStateRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.SetAgentStateRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.SetAgentStateRequest"];
                };
            };
            responses: {
                /** @description The agent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description Invalid body, or a reason the tenant does not have (`unknown_pause_reason`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_your_agent` (supervisor outside their teams), `not_an_agent`, `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `agent_not_logged_in`, `invalid_state_transition`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agent's state, pending state, current call, wrap-up end and paused skill groups. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        /**
         * Ready, Not Ready with a reason (pending during a call or wrap-up), or LoggedOut.
         * @description As `PUT /api/v1/agents/{agentId}/state` this is the supervisor's "change an agent's state" (agents of their teams only),
         *     with an optional `message`: the agent's `agentStateChanged` event carries `changedBy` (the supervisor's
         *     id and name, and the message) and the state history keeps both.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.SetAgentStateRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.SetAgentStateRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.SetAgentStateRequest"];
                };
            };
            responses: {
                /** @description The agent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description Invalid body, or a reason the tenant does not have (`unknown_pause_reason`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_your_agent` (supervisor outside their teams), `not_an_agent`, `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `agent_not_logged_in`, `invalid_state_transition`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/skill-groups/{groupId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stops one skill group offering calls to the (Ready) agent. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agent (the group in `pausedSkillGroupIds`). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `skill_group_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_a_member`, `invalid_state_transition`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        /** Lets a paused skill group offer calls to the agent again. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `skill_group_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_a_member`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/skill-groups/{groupId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stops one skill group offering calls to the (Ready) agent. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agent (the group in `pausedSkillGroupIds`). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `skill_group_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_a_member`, `invalid_state_transition`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        /** Lets a paused skill group offer calls to the agent again. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `skill_group_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_a_member`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/wrap-up/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ends the wrap-up now (the pending state, or the state before the call, follows). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_in_wrap_up`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/wrap-up/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ends the wrap-up now (the pending state, or the state before the call, follows). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_in_wrap_up`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/wrap-up/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extends the running wrap-up (up to one hour in total). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.ExtendWrapUpRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.ExtendWrapUpRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.ExtendWrapUpRequest"];
                };
            };
            responses: {
                /** @description The agent (new `wrapUpEndsAt`). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description Invalid body. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_in_wrap_up`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/wrap-up/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extends the running wrap-up (up to one hour in total). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.ExtendWrapUpRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.ExtendWrapUpRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.ExtendWrapUpRequest"];
                };
            };
            responses: {
                /** @description The agent (new `wrapUpEndsAt`). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description Invalid body. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_in_wrap_up`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/working-mode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Chooses the working mode (agents whose profile says self-select). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.WorkingModeRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.WorkingModeRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.WorkingModeRequest"];
                };
            };
            responses: {
                /** @description The agent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description Invalid body. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `invalid_state_transition` (the profile fixes the mode). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/working-mode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Chooses the working mode (agents whose profile says self-select). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.WorkingModeRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.WorkingModeRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.WorkingModeRequest"];
                };
            };
            responses: {
                /** @description The agent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description Invalid body. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `invalid_state_transition` (the profile fixes the mode). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/auto-answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Switches auto-answer: offered calls are answered without a click (the browser softphone answers by itself, desk
         *     phones get the SIP auto-answer headers). Allowed to the agent when the tenant's `agentsMayChooseAutoAnswer`
         *     is true (the agent view's `autoAnswerChangeable`), and always to admins; stored in the agent's profile.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.AutoAnswerRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.AutoAnswerRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.AutoAnswerRequest"];
                };
            };
            responses: {
                /** @description The agent, with `autoAnswer` as set. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description Invalid body (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `auto_answer_not_allowed` (the tenant keeps it for admins), `not_your_agent`, `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/auto-answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Switches auto-answer: offered calls are answered without a click (the browser softphone answers by itself, desk
         *     phones get the SIP auto-answer headers). Allowed to the agent when the tenant's `agentsMayChooseAutoAnswer`
         *     is true (the agent view's `autoAnswerChangeable`), and always to admins; stored in the agent's profile.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.AutoAnswerRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.AutoAnswerRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.AutoAnswerRequest"];
                };
            };
            responses: {
                /** @description The agent, with `autoAnswer` as set. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.AgentView"];
                    };
                };
                /** @description Invalid body (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `auto_answer_not_allowed` (the tenant keeps it for admins), `not_your_agent`, `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The live calls the agent is a party of or is being offered. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The calls. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.CallView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The live calls the agent is a party of or is being offered. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The calls. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.CallView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/self-service-flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's self-service flows (the hand-off list; admins manage them at `/api/v1/admin/self-service-flows`). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The flows. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.SelfServiceFlowView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/self-service-flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's self-service flows (the hand-off list; admins manage them at `/api/v1/admin/self-service-flows`). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The flows. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.SelfServiceFlowView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/softphone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The browser softphone's registration settings for a web-extension agent: the PBX's WSS URL
         *     (`Softphone:WebSocketUrl`), the SIP address and the endpoint's provisioned credentials.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.SoftphoneSettingsView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `softphone_not_available`: sandbox mode, not a web agent, or the endpoint is not provisioned. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/softphone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The browser softphone's registration settings for a web-extension agent: the PBX's WSS URL
         *     (`Softphone:WebSocketUrl`), the SIP address and the endpoint's provisioned credentials.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.SoftphoneSettingsView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `softphone_not_available`: sandbox mode, not a web agent, or the endpoint is not provisioned. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/pause-reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Not Ready reasons of the agent's tenant. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The reasons (code = IVR digit). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.PauseReasonView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/pause-reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Not Ready reasons of the agent's tenant. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The reasons (code = IVR digit). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.PauseReasonView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/caller-ids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The numbers the agent may present: her teams' first, then the tenant's; the first is used when she chooses none. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The numbers (empty: the trunk's default caller ID only). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string[];
                        "application/json": string[];
                        "text/json": string[];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/caller-ids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The numbers the agent may present: her teams' first, then the tenant's; the first is used when she chooses none. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The numbers (empty: the trunk's default caller ID only). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string[];
                        "application/json": string[];
                        "text/json": string[];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/caller-ids/details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same caller IDs with their labels and teams (what the dial pad shows). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller IDs. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.CallerIds.AllowedCallerId"][];
                        "application/json": components["schemas"]["Application.CallerIds.AllowedCallerId"][];
                        "text/json": components["schemas"]["Application.CallerIds.AllowedCallerId"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/caller-ids/details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same caller IDs with their labels and teams (what the dial pad shows). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller IDs. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.CallerIds.AllowedCallerId"][];
                        "application/json": components["schemas"]["Application.CallerIds.AllowedCallerId"][];
                        "text/json": components["schemas"]["Application.CallerIds.AllowedCallerId"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/dispositions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's active disposition codes, by category then name (empty: the tenant has none, and free text is accepted). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The codes. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Dispositions.DispositionCodeView"][];
                        "application/json": components["schemas"]["Application.Dispositions.DispositionCodeView"][];
                        "text/json": components["schemas"]["Application.Dispositions.DispositionCodeView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/dispositions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's active disposition codes, by category then name (empty: the tenant has none, and free text is accepted). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The codes. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Dispositions.DispositionCodeView"][];
                        "application/json": components["schemas"]["Application.Dispositions.DispositionCodeView"][];
                        "text/json": components["schemas"]["Application.Dispositions.DispositionCodeView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists the tenant's API keys (never the keys themselves). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The keys. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Persistence.ApiKeyInfo"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Creates a key with scopes; the response holds the key, shown this once. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.CreateApiKeyRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.CreateApiKeyRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.CreateApiKeyRequest"];
                };
            };
            responses: {
                /** @description The key. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.CreatedApiKey"];
                    };
                };
                /** @description Invalid body. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revokes a key (it stops working at once). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such key (`not_found`). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit entries, newest first, filtered and paged.
         * @description Every configuration change made through the API writes an entry (in the same transaction as the change).
         *                 Entries older than `Audit:RetentionDays` are purged daily.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Entries at or after this instant. */
                    From?: string;
                    /** @description Entries before this instant. */
                    To?: string;
                    /** @description Exact action, e.g. `user.updated`. */
                    Action?: string;
                    /** @description Exact target type, e.g. `user`. */
                    TargetType?: string;
                    /** @description Exact target id. */
                    TargetId?: string;
                    /** @description The user or API key that acted. */
                    ActorId?: string;
                    /** @description 1-based page (default 1). */
                    Page?: number;
                    /** @description Entries per page, 1–200 (default 50). */
                    PageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of entries and the total matching the filters. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Audit.AuditLogPage"];
                        "application/json": components["schemas"]["Application.Audit.AuditLogPage"];
                        "text/json": components["schemas"]["Application.Audit.AuditLogPage"];
                    };
                };
                /** @description Invalid filter or paging (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/blocklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists blocked numbers. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The blocked numbers. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.BlockedNumberResponse"][];
                        "application/json": components["schemas"]["Application.Admin.BlockedNumberResponse"][];
                        "text/json": components["schemas"]["Application.Admin.BlockedNumberResponse"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Blocks a number (inbound, outbound or both). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.BlockedNumberRequest"];
                    "text/json": components["schemas"]["Application.Admin.BlockedNumberRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.BlockedNumberRequest"];
                };
            };
            responses: {
                /** @description Blocked. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.BlockedNumberResponse"];
                        "application/json": components["schemas"]["Application.Admin.BlockedNumberResponse"];
                        "text/json": components["schemas"]["Application.Admin.BlockedNumberResponse"];
                    };
                };
                /** @description Invalid number. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Already blocked. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/blocklist/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unblocks a number. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such entry. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-records/{callId}/call-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Calls the customer of a call record back: rings the agent's phone, then dials the number. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The call record (one the agent may see: a call she took part in). */
                    callId: string;
                };
                cookie?: never;
            };
            /** @description Optional: the caller ID to present. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.Records.CallBackRequest"];
                    "text/json": components["schemas"]["Api.Records.CallBackRequest"];
                    "application/*+json": components["schemas"]["Api.Records.CallBackRequest"];
                };
            };
            responses: {
                /** @description Dialling; the new call's id (events follow). */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.DialResponse"];
                    };
                };
                /** @description `agent_id_required` (an API key: it names no agent here). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `caller_id_not_allowed`; `not_an_agent`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_record_not_found`: no such call, or not one the agent may see. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `no_number_to_call`; as for click-to-dial: `agent_busy`, `agent_not_logged_in`, `working_mode_forbids_call`, `number_blocked`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Records matching the filters, a page at a time (keyset: pass `nextCursor` back as `cursor`; stable while calls are added). */
        get: {
            parameters: {
                query?: {
                    /** @description Offered at or after (ISO 8601; default: the start of today, UTC). */
                    From?: string;
                    /** @description Offered before (ISO 8601). */
                    To?: string;
                    /** @description Inbound, Outbound or Internal. */
                    Direction?: components["schemas"]["Domain.Calls.CallDirection"];
                    /** @description Queue (inbound through a skill group), Direct (inbound to an agent), Outbound or Internal. */
                    Kind?: components["schemas"]["Domain.Calls.CallKind"];
                    /** @description InboundQueue, DirectInbound, ManualOutbound (dialled by hand), TaskDialled (dialled for a dial task), Internal, Transferred (an agent transferred it) or Consulted (another agent joined: consulted, conferenced, or handed it by a transfer). */
                    Type?: components["schemas"]["Application.Records.CallRecordType"];
                    /** @description A skill group the caller waited in (any of them: a call that overflowed is found under each group it waited in). */
                    SkillGroupId?: string;
                    /** @description Calls this agent took part in (answered, offered, consulted, conferenced). */
                    AgentId?: string;
                    /** @description Substring of the customer number or name (case-insensitive; agents, who see masked numbers, search names only). */
                    Search?: string;
                    /** @description Answered, NotAnswered, Abandoned, Busy or Failed (docs/reports.md). */
                    Outcome?: components["schemas"]["Data.Entities.CallOutcome"];
                    /** @description The detailed end reason: who hung up an answered call (CustomerHungUp, AgentHungUp; Normal: not recorded, calls stored before it was), AgentTransfer, AbandonedWhileWaiting, NoAnswer (RONA), Overflow, Blocklisted, EndedUnseen (ended while no CtiBridge process ran the tenant), … (docs/reports.md). */
                    EndReason?: components["schemas"]["Domain.Calls.CallEndReason"];
                    /** @description Talk time at least this many seconds. */
                    MinTalkSeconds?: number;
                    /** @description The disposition. */
                    DispositionId?: string;
                    /** @description Only calls with (true) or without (false) a recording. */
                    HasRecording?: boolean;
                    /** @description NewestFirst (default) or OldestFirst. */
                    Sort?: components["schemas"]["Application.Records.CallRecordSort"];
                    /** @description The `nextCursor` of the previous page. */
                    cursor?: string;
                    /** @description 1–200 (default 50). */
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of records and the cursor of the next one (null on the last page). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Records.CallRecordPage"];
                    };
                };
                /** @description `validation_failed` (page size, range, unknown enum value) or `invalid_cursor`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `insufficient_scope` (API key without read). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-records/{callId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One call's journey: legs (offers and ring-no-answer, answer, consultations, conference guests), holds, wrap-ups, attached data, recordings. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The call. */
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The record. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Records.CallRecordDetail"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_record_not_found`: no such call, or not one the caller may see. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-records/dispositions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's dispositions (for the disposition filter), by name. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every disposition, enabled or not (older calls may carry a disabled one). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Records.DispositionChoice"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-records/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The search as CSV (UTF-8, RFC 4180, header row), streamed: rows are written as they are read. */
        get: {
            parameters: {
                query?: {
                    /** @description Offered at or after (ISO 8601; default: the start of today, UTC). */
                    From?: string;
                    /** @description Offered before (ISO 8601). */
                    To?: string;
                    /** @description Inbound, Outbound or Internal. */
                    Direction?: components["schemas"]["Domain.Calls.CallDirection"];
                    /** @description Queue (inbound through a skill group), Direct (inbound to an agent), Outbound or Internal. */
                    Kind?: components["schemas"]["Domain.Calls.CallKind"];
                    /** @description InboundQueue, DirectInbound, ManualOutbound (dialled by hand), TaskDialled (dialled for a dial task), Internal, Transferred (an agent transferred it) or Consulted (another agent joined: consulted, conferenced, or handed it by a transfer). */
                    Type?: components["schemas"]["Application.Records.CallRecordType"];
                    /** @description A skill group the caller waited in (any of them: a call that overflowed is found under each group it waited in). */
                    SkillGroupId?: string;
                    /** @description Calls this agent took part in (answered, offered, consulted, conferenced). */
                    AgentId?: string;
                    /** @description Substring of the customer number or name (case-insensitive; agents, who see masked numbers, search names only). */
                    Search?: string;
                    /** @description Answered, NotAnswered, Abandoned, Busy or Failed (docs/reports.md). */
                    Outcome?: components["schemas"]["Data.Entities.CallOutcome"];
                    /** @description The detailed end reason: who hung up an answered call (CustomerHungUp, AgentHungUp; Normal: not recorded, calls stored before it was), AgentTransfer, AbandonedWhileWaiting, NoAnswer (RONA), Overflow, Blocklisted, EndedUnseen (ended while no CtiBridge process ran the tenant), … (docs/reports.md). */
                    EndReason?: components["schemas"]["Domain.Calls.CallEndReason"];
                    /** @description Talk time at least this many seconds. */
                    MinTalkSeconds?: number;
                    /** @description The disposition. */
                    DispositionId?: string;
                    /** @description Only calls with (true) or without (false) a recording. */
                    HasRecording?: boolean;
                    /** @description NewestFirst (default) or OldestFirst. */
                    Sort?: components["schemas"]["Application.Records.CallRecordSort"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The CSV file. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                        "application/problem+json": string;
                    };
                };
                /** @description `validation_failed`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Callbacks by due time: `mine` (the caller's own and their skill groups' unassigned ones) or `team` (supervisors: their teams'; admins and API keys: the tenant's). */
        get: {
            parameters: {
                query?: {
                    /** @description `Mine` (default) or `Team`. */
                    scope?: components["schemas"]["Application.Callbacks.CallbackScope"];
                    /** @description Also completed and cancelled ones (default: open ones only). */
                    includeClosed?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description At most 500 callbacks, the earliest due first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Callbacks.CallbackView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Schedules a callback for a contact and/or number at a time, with a note; for the caller, a teammate or a skill group. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The callback. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Callbacks.ScheduleCallbackRequest"];
                    "text/json": components["schemas"]["Application.Callbacks.ScheduleCallbackRequest"];
                    "application/*+json": components["schemas"]["Application.Callbacks.ScheduleCallbackRequest"];
                };
            };
            responses: {
                /** @description Scheduled. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Callbacks.CallbackView"];
                    };
                };
                /**
                 * @description `validation_failed`; `callback_due_in_past`; `callback_due_time_invalid` (not a time, or one the
                 *                 tenant's zone skips); `callback_number_invalid` (letters, fewer than 3 or more than 20 digits, or a contact without a number).
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_assignee_forbidden`: an agent of another team, or a user who is not an agent. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `contact_not_found` (also a contact of another tenant); `callback_skill_group_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One callback. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The callback. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The callback. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Callbacks.CallbackView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_not_found`: no such callback, or not one the caller may see. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks/{id}/snooze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Snoozes a callback: due again in the given minutes, its reminder fires again then. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The callback. */
                    id: string;
                };
                cookie?: never;
            };
            /** @description Minutes. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Callbacks.SnoozeCallbackRequest"];
                    "text/json": components["schemas"]["Application.Callbacks.SnoozeCallbackRequest"];
                    "application/*+json": components["schemas"]["Application.Callbacks.SnoozeCallbackRequest"];
                };
            };
            responses: {
                /** @description The callback. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Callbacks.CallbackView"];
                    };
                };
                /** @description `validation_failed` (1–1440 minutes). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_closed`: completed or cancelled. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Moves a callback to another (future) time, optionally with a new note. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The callback. */
                    id: string;
                };
                cookie?: never;
            };
            /** @description The new time. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Callbacks.RescheduleCallbackRequest"];
                    "text/json": components["schemas"]["Application.Callbacks.RescheduleCallbackRequest"];
                    "application/*+json": components["schemas"]["Application.Callbacks.RescheduleCallbackRequest"];
                };
            };
            responses: {
                /** @description The callback. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Callbacks.CallbackView"];
                    };
                };
                /** @description `validation_failed`, `callback_due_in_past`, `callback_due_time_invalid`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_closed`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Completes a callback with its result. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The callback. */
                    id: string;
                };
                cookie?: never;
            };
            /** @description The result. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Callbacks.CompleteCallbackRequest"];
                    "text/json": components["schemas"]["Application.Callbacks.CompleteCallbackRequest"];
                    "application/*+json": components["schemas"]["Application.Callbacks.CompleteCallbackRequest"];
                };
            };
            responses: {
                /** @description The callback. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Callbacks.CallbackView"];
                    };
                };
                /** @description `validation_failed` (result required, up to 200 characters). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_closed`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancels a callback (optionally with a reason). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The callback. */
                    id: string;
                };
                cookie?: never;
            };
            /** @description The reason. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Callbacks.CancelCallbackRequest"];
                    "text/json": components["schemas"]["Application.Callbacks.CancelCallbackRequest"];
                    "application/*+json": components["schemas"]["Application.Callbacks.CancelCallbackRequest"];
                };
            };
            responses: {
                /** @description The callback. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Callbacks.CallbackView"];
                    };
                };
                /** @description `validation_failed`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_closed`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks/{id}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Gives a callback to another agent (supervisors: of their teams) or to a skill group; a due one reminds its new agent at once. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The callback. */
                    id: string;
                };
                cookie?: never;
            };
            /** @description The agent or the skill group. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Callbacks.ReassignCallbackRequest"];
                    "text/json": components["schemas"]["Application.Callbacks.ReassignCallbackRequest"];
                    "application/*+json": components["schemas"]["Application.Callbacks.ReassignCallbackRequest"];
                };
            };
            responses: {
                /** @description The callback. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Callbacks.CallbackView"];
                    };
                };
                /** @description `validation_failed`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_reassign_forbidden` (agents); `callback_assignee_forbidden` (an agent of another team). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_not_found`; `callback_skill_group_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_closed`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks/{id}/dial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One-click dial (the toolbar's reminder): the signed-in agent's phone rings, then the callback's number is dialled as
         *     by `POST /api/v1/calls/dial`. The callback becomes the agent's and `InProgress`; complete it with a result afterwards.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The callback. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Dialling; the call's id and the callback. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Callbacks.CallbackDialResponse"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_dial_forbidden`: an API key, or a user who is not an agent. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `callback_closed`; the dial's refusals: `agent_not_logged_in`, `agent_busy`, `number_blocked`, `working_mode_forbids_call`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/caller-ids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists the caller IDs: the tenant's first, then by team. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller IDs. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.CallerIds.CallerIdView"][];
                        "application/json": components["schemas"]["Application.CallerIds.CallerIdView"][];
                        "text/json": components["schemas"]["Application.CallerIds.CallerIdView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Adds a caller ID, for the whole tenant or one team. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.CallerIds.CallerIdRequest"];
                    "text/json": components["schemas"]["Application.CallerIds.CallerIdRequest"];
                    "application/*+json": components["schemas"]["Application.CallerIds.CallerIdRequest"];
                };
            };
            responses: {
                /** @description Added. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.CallerIds.CallerIdView"];
                        "application/json": components["schemas"]["Application.CallerIds.CallerIdView"];
                        "text/json": components["schemas"]["Application.CallerIds.CallerIdView"];
                    };
                };
                /** @description `validation_failed` (number format, label length, a team not of the tenant). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `caller_id_taken`: the number is listed for the same team (or the tenant) already. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/caller-ids/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Edits a caller ID. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.CallerIds.CallerIdRequest"];
                    "text/json": components["schemas"]["Application.CallerIds.CallerIdRequest"];
                    "application/*+json": components["schemas"]["Application.CallerIds.CallerIdRequest"];
                };
            };
            responses: {
                /** @description The caller ID. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.CallerIds.CallerIdView"];
                        "application/json": components["schemas"]["Application.CallerIds.CallerIdView"];
                        "text/json": components["schemas"]["Application.CallerIds.CallerIdView"];
                    };
                };
                /** @description `validation_failed`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found` (also another tenant's). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `caller_id_taken`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Removes a caller ID (calls already placed keep theirs). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A live call: parties, hold, recording, attached data (caller number masked by the tenant's rule).
         * @description Agents see calls they are a party of; supervisors calls of their teams' agents; API keys (read) every call of the tenant.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The call. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.CallView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `insufficient_scope` (an API key without read). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found` (also a call the caller may not see). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A live call: parties, hold, recording, attached data (caller number masked by the tenant's rule).
         * @description Agents see calls they are a party of; supervisors calls of their teams' agents; API keys (read) every call of the tenant.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The call. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.CallView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `insufficient_scope` (an API key without read). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found` (also a call the caller may not see). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answers the call ringing for the agent (the PBX answers the agent's leg; simulator and auto-answer phones). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Answered. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found`: no such live call, or one that is not the agent's (another agent's ringing call included). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_ringing` (the agent's call, not ringing for them), `answer_on_device` (answer on the phone). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answers the call ringing for the agent (the PBX answers the agent's leg; simulator and auto-answer phones). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Answered. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found`: no such live call, or one that is not the agent's (another agent's ringing call included). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_ringing` (the agent's call, not ringing for them), `answer_on_device` (answer on the phone). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Declines the call ringing for the agent; it goes back to the head of its queue (the agent is missed → Not Ready). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Declined. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found`: no such live call, or one that is not the agent's. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_ringing`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Declines the call ringing for the agent; it goes back to the head of its queue (the agent is missed → Not Ready). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Declined. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found`: no such live call, or one that is not the agent's. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_ringing`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/hangup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hangs up the agent's part of the call (a ringing offer is declined). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Hung up. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_your_agent`, `insufficient_scope` (acting for an agent one may not act for). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found` (also another agent's call). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/hangup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hangs up the agent's part of the call (a ringing offer is declined). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Hung up. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_your_agent`, `insufficient_scope` (acting for an agent one may not act for). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found` (also another agent's call). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Puts the customer on hold (music on hold). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Held. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `already_held`, `call_not_connected`, `consult_in_progress`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Puts the customer on hold (music on hold). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Held. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `already_held`, `call_not_connected`, `consult_in_progress`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Takes the customer off hold. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Resumed. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_held`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Takes the customer off hold. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Resumed. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_held`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/mute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mutes the agent's microphone in the call. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Muted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/mute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mutes the agent's microphone in the call. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Muted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/unmute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unmutes the agent. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unmuted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/unmute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unmutes the agent. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unmuted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/dtmf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends DTMF digits to the far end. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.DtmfRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.DtmfRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.DtmfRequest"];
                };
            };
            responses: {
                /** @description Sent. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid digits. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/dtmf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends DTMF digits to the far end. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.DtmfRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.DtmfRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.DtmfRequest"];
                };
            };
            responses: {
                /** @description Sent. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid digits. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/self-service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sends the customer through a self-service flow (prompts played, digits collected); the customer comes back
         *     to the same agent, with what they typed attached to the call (`callStateChanged` "self_service_ended").
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.SelfServiceRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.SelfServiceRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.SelfServiceRequest"];
                };
            };
            responses: {
                /** @description The customer is in self-service. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid body. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `self_service_flow_not_found`, `call_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `self_service_in_progress`, `consult_in_progress`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/self-service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sends the customer through a self-service flow (prompts played, digits collected); the customer comes back
         *     to the same agent, with what they typed attached to the call (`callStateChanged` "self_service_ended").
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.SelfServiceRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.SelfServiceRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.SelfServiceRequest"];
                };
            };
            responses: {
                /** @description The customer is in self-service. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid body. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `self_service_flow_not_found`, `call_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `self_service_in_progress`, `consult_in_progress`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Blind transfer to a Ready agent, a skill group or a number; the agent leaves at once (no wrap-up). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.TransferRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.TransferRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.TransferRequest"];
                };
            };
            responses: {
                /** @description Transferring. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid body (exactly one target). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `agent_not_found`, `skill_group_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `target_not_ready`, `target_offline`, `consult_in_progress`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Blind transfer to a Ready agent, a skill group or a number; the agent leaves at once (no wrap-up). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.TransferRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.TransferRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.TransferRequest"];
                };
            };
            responses: {
                /** @description Transferring. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid body (exactly one target). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `agent_not_found`, `skill_group_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `target_not_ready`, `target_offline`, `consult_in_progress`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/consult": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Starts a consultation: the customer is held and the agent or number is called. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.PartyTargetRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.PartyTargetRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.PartyTargetRequest"];
                };
            };
            responses: {
                /** @description Consulting. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid body (exactly one target). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `target_not_ready`, `consult_in_progress`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/consult": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Starts a consultation: the customer is held and the agent or number is called. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.PartyTargetRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.PartyTargetRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.PartyTargetRequest"];
                };
            };
            responses: {
                /** @description Consulting. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid body (exactly one target). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `target_not_ready`, `consult_in_progress`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/consult/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Completes the consultation as a transfer: the consulted party takes the customer, the agent leaves. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Transferred. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `no_consult_in_progress`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/consult/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Completes the consultation as a transfer: the consulted party takes the customer, the agent leaves. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Transferred. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `no_consult_in_progress`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/consult/conference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turns the consultation into a conference with the customer. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Conferenced. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `no_consult_in_progress`, `conference_full`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/consult/conference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turns the consultation into a conference with the customer. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Conferenced. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `no_consult_in_progress`, `conference_full`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/consult/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ends the consultation and returns to the customer. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cancelled. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `no_consult_in_progress`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/consult/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ends the consultation and returns to the customer. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cancelled. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `no_consult_in_progress`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/parties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invites an agent or a number into the call (conference). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.PartyTargetRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.PartyTargetRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.PartyTargetRequest"];
                };
            };
            responses: {
                /** @description Inviting. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid body (exactly one target). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `target_not_ready`, `conference_full`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/parties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invites an agent or a number into the call (conference). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.PartyTargetRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.PartyTargetRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.PartyTargetRequest"];
                };
            };
            responses: {
                /** @description Inviting. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid body (exactly one target). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `target_not_ready`, `conference_full`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/parties/{legId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Drops a party (by leg id, see the call's `parties`) from the call (the call's owner only). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    legId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Dropped. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden` (not the owner). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found` (no such leg). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/parties/{legId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Drops a party (by leg id, see the call's `parties`) from the call (the call's owner only). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    legId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Dropped. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden` (not the owner). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found` (no such leg). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/recording/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Starts recording the call (tenant policy permitting). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Recording. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `recording_not_allowed`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/recording/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Starts recording the call (tenant policy permitting). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Recording. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `recording_not_allowed`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/recording/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pauses the call's recording (for example while a card number is read out). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Paused. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_recording`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/recording/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pauses the call's recording (for example while a card number is read out). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Paused. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_recording`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/recording/unpause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resumes a paused recording. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Recording again. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_recording`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/recording/unpause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resumes a paused recording. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Recording again. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_recording`, `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/recording/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stops recording the call. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stopped. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_recording`, `recording_not_allowed` (policy: always). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/recording/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stops recording the call. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stopped. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_recording`, `recording_not_allowed` (policy: always). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/disposition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Saves the agent's own disposition and remarks: on the live call, or on its stored record once it ended (e.g. in
         *     wrap-up). Each agent of a call keeps her own notes; no party overwrites another's. A field left out keeps its value.
         * @description The disposition is one of the tenant's active codes, by `dispositionId` or as `disposition` text (its code
         *     or name, any case: what older clients send). A tenant without any code still accepts free text (kept with the
         *     remarks). docs/dispositions.md.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.DispositionRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.DispositionRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.DispositionRequest"];
                };
            };
            responses: {
                /** @description Saved. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description `validation_failed`; `disposition_unknown` (not a code of the tenant);
                 *                 `disposition_remarks_required` (the code requires remarks).
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found` (also a call the agent was not a party of). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `disposition_inactive`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/disposition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Saves the agent's own disposition and remarks: on the live call, or on its stored record once it ended (e.g. in
         *     wrap-up). Each agent of a call keeps her own notes; no party overwrites another's. A field left out keeps its value.
         * @description The disposition is one of the tenant's active codes, by `dispositionId` or as `disposition` text (its code
         *     or name, any case: what older clients send). A tenant without any code still accepts free text (kept with the
         *     remarks). docs/dispositions.md.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.DispositionRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.DispositionRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.DispositionRequest"];
                };
            };
            responses: {
                /** @description Saved. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description `validation_failed`; `disposition_unknown` (not a code of the tenant);
                 *                 `disposition_remarks_required` (the code requires remarks).
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found` (also a call the agent was not a party of). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `disposition_inactive`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/dial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Click-to-dial: rings the agent's phone, then dials the number (or the colleague's extension).
         * @description The caller ID presented is `callerId`, which must be one the agent may present (the tenant's or one of her
         *     teams', `GET /api/v1/agent/caller-ids`); left out, the first of those, or the trunk's default when there are
         *     none. docs/dispositions.md, "Caller IDs".
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.DialRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.DialRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.DialRequest"];
                };
            };
            responses: {
                /** @description Dialling; the call's id (events follow). */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.DialResponse"];
                    };
                };
                /** @description `validation_failed`: invalid body or caller ID format. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `caller_id_not_allowed`: a caller ID the agent may not present. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `agent_busy`, `agent_not_logged_in`, `working_mode_forbids_call`, `number_blocked`, `target_offline`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/dial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Click-to-dial: rings the agent's phone, then dials the number (or the colleague's extension).
         * @description The caller ID presented is `callerId`, which must be one the agent may present (the tenant's or one of her
         *     teams', `GET /api/v1/agent/caller-ids`); left out, the first of those, or the trunk's default when there are
         *     none. docs/dispositions.md, "Caller IDs".
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.DialRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.DialRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.DialRequest"];
                };
            };
            responses: {
                /** @description Dialling; the call's id (events follow). */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.DialResponse"];
                    };
                };
                /** @description `validation_failed`: invalid body or caller ID format. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `caller_id_not_allowed`: a caller ID the agent may not present. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `agent_busy`, `agent_not_logged_in`, `working_mode_forbids_call`, `number_blocked`, `target_offline`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contacts whose name or one of whose numbers contains search, by name, a page at a time. */
        get: {
            parameters: {
                query?: {
                    /** @description Substring of the name (case-insensitive) or of a number (as written, or its digits in E.164). */
                    search?: string;
                    /** @description 1-based (default 1). */
                    page?: number;
                    /** @description 1–200 (default 50). */
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of contacts. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Contacts.ContactPage"];
                    };
                };
                /** @description `validation_failed` (page, page size, search longer than 100). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Creates a contact (owner: the caller unless given; team: the owner's team unless given). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The contact. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Contacts.ContactRequest"];
                    "text/json": components["schemas"]["Application.Contacts.ContactRequest"];
                    "application/*+json": components["schemas"]["Application.Contacts.ContactRequest"];
                };
            };
            responses: {
                /** @description The contact. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Contacts.ContactResponse"];
                    };
                };
                /** @description `validation_failed` with per-field `errors`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `contact_assignment_forbidden`: an owner or team the caller may not assign (agents: only themselves). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One contact. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The contact. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The contact. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Contacts.ContactResponse"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `contact_not_found`: no such contact, or not one the caller may see. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        /** Edits a contact: every field and the numbers are replaced; owner and team change only when given. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The contact. */
                    id: string;
                };
                cookie?: never;
            };
            /** @description The contact. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Contacts.ContactRequest"];
                    "text/json": components["schemas"]["Application.Contacts.ContactRequest"];
                    "application/*+json": components["schemas"]["Application.Contacts.ContactRequest"];
                };
            };
            responses: {
                /** @description The contact. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Contacts.ContactResponse"];
                    };
                };
                /** @description `validation_failed`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `contact_assignment_forbidden`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `contact_not_found`: no such contact, or not one the caller may see (an agent editing another's contact). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Deletes a contact (supervisors: their teams' contacts; admins). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The contact. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `contact_delete_forbidden`: agents do not delete contacts. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `contact_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates the contacts of a CSV file, all or none (the format of the export). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The CSV text. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Contacts.ImportContactsRequest"];
                    "text/json": components["schemas"]["Application.Contacts.ImportContactsRequest"];
                    "application/*+json": components["schemas"]["Application.Contacts.ImportContactsRequest"];
                };
            };
            responses: {
                /** @description Every contact of the file was created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Contacts.ImportContactsResponse"];
                    };
                };
                /**
                 * @description Nothing was created: the file cannot be read (`errors.csv`), or rows have problems
                 *                 (`validation_failed`, one entry per problem under `rows[N].field`, N being the line of the file).
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's contacts (matching search) as CSV: `name, company, notes, numbers, owner, team`. */
        get: {
            parameters: {
                query?: {
                    /** @description As for the search. */
                    search?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The CSV file. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                        "application/problem+json": string;
                        "application/json": string;
                    };
                };
                /** @description `validation_failed`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dial-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tasks the caller manages (supervisors: their teams'; admins: the tenant's) or works (agents), newest first. */
        get: {
            parameters: {
                query?: {
                    /** @description Also completed and cancelled tasks (default: running and paused ones). */
                    includeClosed?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description At most 500 tasks, each with its progress. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.DialTasks.DialTaskView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Creates a running task (supervisors for a team they lead; admins). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The task. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.DialTasks.CreateDialTaskRequest"];
                    "text/json": components["schemas"]["Application.DialTasks.CreateDialTaskRequest"];
                    "application/*+json": components["schemas"]["Application.DialTasks.CreateDialTaskRequest"];
                };
            };
            responses: {
                /** @description Created; contacts whose number is on the blocklist are `Blocked` from the start. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.DialTasks.DialTaskView"];
                    };
                };
                /**
                 * @description `validation_failed` (days, times, retry rules, no contacts given, bad CSV rows as `rows[N].field`);
                 *                 `dial_task_no_contacts` (none of the contacts has a number).
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /**
                 * @description `dial_task_forbidden` (not a supervisor or admin, a team she does not lead, an agent outside her teams);
                 *                 `caller_id_not_allowed` (not one of the tenant's or the team's outbound caller IDs).
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `contact_not_found`: a contact she does not see, or one of another tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dial-tasks/caller-ids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller IDs a new task may present (the new task form's choice): the tenant's outbound caller IDs and the team's,
         *     the tenant's first. Any other is refused at creation (`caller_id_not_allowed`).
         */
        get: {
            parameters: {
                query?: {
                    /** @description The task's team (default: the caller's first team, as at creation; an admin leading none gets the tenant's only). */
                    teamId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller IDs (empty: tasks present the trunk's default). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.CallerIds.CallerIdView"][];
                    };
                };
                /** @description `validation_failed`: no such team in this tenant. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_forbidden`: not a supervisor or admin, or a team she does not lead. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dial-tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task, with its progress. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The task. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The task. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.DialTasks.DialTaskView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_forbidden`: another team's task. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dial-tasks/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task's progress: done, remaining, each status's count and the done contacts by result (also pushed as `dialTaskProgress`). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The task. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The progress. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.DialTasks.DialTaskProgress"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_forbidden`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dial-tasks/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task's contacts in list order, with their attempts and results (its supervisors and admins). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The task. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description At most 10,000 contacts. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.DialTasks.DialTaskContactView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_forbidden`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dial-tasks/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Runs, pauses or cancels the task (its supervisors and admins). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The task. */
                    id: string;
                };
                cookie?: never;
            };
            /** @description The new status. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.DialTasks.SetDialTaskStatusRequest"];
                    "text/json": components["schemas"]["Application.DialTasks.SetDialTaskStatusRequest"];
                    "application/*+json": components["schemas"]["Application.DialTasks.SetDialTaskStatusRequest"];
                };
            };
            responses: {
                /** @description The task. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.DialTasks.DialTaskView"];
                    };
                };
                /** @description `validation_failed`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_forbidden`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_not_running`: completed or cancelled already. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dial-tasks/{id}/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The contact the agent works now: the one she holds until she sets its result, else the next due one, claimed for
         *     her alone (no other agent or node gets it, and its number is not offered in another task meanwhile).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The task. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The contact (null when none is due now: `remaining` and `nextRetryAt` say what is left). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.DialTasks.DialTaskNextResponse"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_forbidden`: a task she does not work. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_window_closed` (outside the task's days or daily window); `dial_task_not_running`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dial-tasks/{id}/contacts/{contactId}/dial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One-click dial of the contact she holds: her phone rings, then the contact's number is dialled as by
         *     `POST /api/v1/calls/dial`, presenting the task's caller ID; the call (and its record) carries the task's id.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The task. */
                    id: string;
                    /** @description The task's contact (the `id` of `DialTaskContactView`). */
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Dialling: the call's id and the contact. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.DialTasks.DialTaskDialResponse"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_forbidden`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /**
                 * @description `dial_task_window_closed`; `dial_task_not_running`; `number_blocked` (on the blocklist: the contact is
                 *                 `Blocked`); `dial_task_contact_not_claimed`; `dial_task_call_in_progress`; the dial's own `agent_not_logged_in`,
                 *                 `agent_busy`, `working_mode_forbids_call`.
                 */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dial-tasks/{id}/contacts/{contactId}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sets the result of the contact she holds (a disposition code of the tenant) and a remark. An answered call's contact
         *     is done; a busy or unanswered one is tried again by the task's rules (or exhausted), keeping the result.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The task. */
                    id: string;
                    /** @description The task's contact. */
                    contactId: string;
                };
                cookie?: never;
            };
            /** @description The result. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.DialTasks.DialTaskResultRequest"];
                    "text/json": components["schemas"]["Application.DialTasks.DialTaskResultRequest"];
                    "application/*+json": components["schemas"]["Application.DialTasks.DialTaskResultRequest"];
                };
            };
            responses: {
                /** @description The contact. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.DialTasks.DialTaskContactView"];
                    };
                };
                /** @description `validation_failed`; `disposition_unknown` (not a code of the tenant); `disposition_remarks_required`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_forbidden`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `dial_task_contact_not_claimed`; `dial_task_call_in_progress`; `disposition_inactive`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agents and supervisors of the tenant with their state; filter by name/extension/e-mail text and by skill group. */
        get: {
            parameters: {
                query?: {
                    /** @description Case-insensitive text found in the name, extension or e-mail (at most 100 characters). */
                    search?: string;
                    /** @description Only members of this skill group. */
                    skillGroupId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Matching people, by name. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.DirectoryEntry"][];
                    };
                };
                /** @description Search text too long. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/phones/free": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hot-desk phones of the tenant that no agent is signed in on. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The free phones. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.FreePhone"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dispositions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists every disposition code, active or not, by category then name. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The codes. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Dispositions.DispositionCodeView"][];
                        "application/json": components["schemas"]["Application.Dispositions.DispositionCodeView"][];
                        "text/json": components["schemas"]["Application.Dispositions.DispositionCodeView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Creates a disposition code. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Dispositions.DispositionCodeRequest"];
                    "text/json": components["schemas"]["Application.Dispositions.DispositionCodeRequest"];
                    "application/*+json": components["schemas"]["Application.Dispositions.DispositionCodeRequest"];
                };
            };
            responses: {
                /** @description Created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Dispositions.DispositionCodeView"];
                        "application/json": components["schemas"]["Application.Dispositions.DispositionCodeView"];
                        "text/json": components["schemas"]["Application.Dispositions.DispositionCodeView"];
                    };
                };
                /** @description `validation_failed`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `disposition_code_taken` (codes are unique in the tenant, any case). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dispositions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Edits a disposition code (notes already saved keep the name they were saved with). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Dispositions.DispositionCodeRequest"];
                    "text/json": components["schemas"]["Application.Dispositions.DispositionCodeRequest"];
                    "application/*+json": components["schemas"]["Application.Dispositions.DispositionCodeRequest"];
                };
            };
            responses: {
                /** @description The code. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Dispositions.DispositionCodeView"];
                        "application/json": components["schemas"]["Application.Dispositions.DispositionCodeView"];
                        "text/json": components["schemas"]["Application.Dispositions.DispositionCodeView"];
                    };
                };
                /** @description `validation_failed`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found` (also another tenant's code). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `disposition_code_taken`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Deletes a disposition code no call carries. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `disposition_in_use`: deactivate it instead. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/monitoring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your running monitoring session. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The session (state `Connecting` while your device rings, then `Active`). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Supervision.Monitoring.MonitoringView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_monitoring`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Starts monitoring an agent's call: your device rings (auto-answer) and hears the call in the mode asked for.
         * @description Monitor: you hear the agent and whoever the agent hears; nobody hears you. Whisper: the agent, only the agent, hears
         *     you. Barge: the agent and the customer hear you. TakeOver: you keep the customer; the agent's leg leaves and the
         *     agent goes to wrap-up (after a queue call). The monitored parties hear a beep only when the tenant's setting
         *     `tellMonitoredParties` is on.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.Supervision.StartMonitoringRequest"];
                    "text/json": components["schemas"]["Api.Supervision.StartMonitoringRequest"];
                    "application/*+json": components["schemas"]["Api.Supervision.StartMonitoringRequest"];
                };
            };
            responses: {
                /** @description The session: state `Connecting` while your device rings (`monitoringStarted` follows when it answers), or `Active` at once on your desk's open listening line. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Supervision.Monitoring.MonitoringView"];
                    };
                };
                /** @description Invalid body. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden` (not a supervisor), `not_your_agent` (outside your teams), `monitoring_mode_not_allowed` (your teams' permission). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `already_monitoring`, `agent_not_on_call` (also in wrap-up), `no_supervisor_device`, `take_over_not_possible` (take over asked for during a consultation, a conference or self-service). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        /** Stops your session: your device leg is hung up (after a take over, the customer's too); on a listening line the line stays open. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stopped (`monitoringEnded` is sent). */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_monitoring`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/monitoring/mode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Switches your session to another mode, on the same device leg (no new call). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.Supervision.MonitoringModeRequest"];
                    "text/json": components["schemas"]["Api.Supervision.MonitoringModeRequest"];
                    "application/*+json": components["schemas"]["Api.Supervision.MonitoringModeRequest"];
                };
            };
            responses: {
                /** @description The session in its new mode (`monitoringModeChanged` is sent too). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Supervision.Monitoring.MonitoringView"];
                    };
                };
                /** @description Invalid body. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `monitoring_mode_not_allowed`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_monitoring`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `take_over_not_possible` (a consultation, conference or self-service runs, or the call was taken over already). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/monitoring/softphone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The browser softphone you listen on: the registration settings of your web device (the supervisor desk registers it).
         * @description Your device is your supervisor extension (`PUT /api/v1/admin/users/{id}/supervisor-device`), else your agent
         *     extension. A registered phone (`Sip`) needs no settings from here: it rings by itself.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings (they hold the endpoint's SIP password: given only to you). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.SoftphoneSettingsView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `softphone_not_available`: no device, a device that is not a web extension, sandbox mode, or the endpoint is not provisioned. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/monitoring/line": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your listening line: the leg kept up to your browser softphone while the desk is open. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The line (`Ringing`, `Open`, or `InUse` with the session on it). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Supervision.Monitoring.MonitoringLineView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found`: you have no line. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        /**
         * Opens your listening line: your browser softphone is called once (auto-answer) and stays connected, silent, so that listening starts without a new call.
         * @description The supervisor desk asks for it while its softphone is registered. A session started while the line is open runs
         *     on it: nothing rings, the call is heard as soon as the snoop joins the line (tens of milliseconds instead of a new
         *     WebRTC call's set-up). When the session ends the line stays open; hanging the line up on the softphone ends it
         *     (and a session on it). Asking again while a line exists returns that line, unless replace is true:
         *     a desk that has just started its softphone sends it, because a line found then went to a page that is gone (a
         *     reload, another tab); that line is closed (a session on it ends) and a new one rings. Only for a browser softphone;
         *     a browser that went away stops sending audio and Asterisk hangs its leg up after 20 s (rtp_timeout), which closes the line.
         */
        put: {
            parameters: {
                query?: {
                    /** @description True from a desk that has just registered its softphone: replace a line found. */
                    replace?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The line, `Ringing` until the softphone answers, then `Open`. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Supervision.Monitoring.MonitoringLineView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `no_supervisor_device`; `listening_line_needs_web_device` (your device is a desk phone: it rings when you listen). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Closes your listening line (a session on it ends as stopped). Without a line: nothing to do. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Closed. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reads the caller's tenant and its settings. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The tenant. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.TenantResponse"];
                        "application/json": components["schemas"]["Application.Admin.TenantResponse"];
                        "text/json": components["schemas"]["Application.Admin.TenantResponse"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Not signed in. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not an admin. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        /** Edits the caller's tenant name and settings (an admin cannot disable their own tenant). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.UpdateTenantRequest"];
                    "text/json": components["schemas"]["Application.Admin.UpdateTenantRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.UpdateTenantRequest"];
                };
            };
            responses: {
                /** @description The updated tenant. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.TenantResponse"];
                        "application/json": components["schemas"]["Application.Admin.TenantResponse"];
                        "text/json": components["schemas"]["Application.Admin.TenantResponse"];
                    };
                };
                /** @description Invalid input (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Not signed in. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not an admin. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/pause-reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists the pause reasons, system reasons last. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The reasons. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.PauseReasonResponse"][];
                        "application/json": components["schemas"]["Application.Admin.PauseReasonResponse"][];
                        "text/json": components["schemas"]["Application.Admin.PauseReasonResponse"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Creates a pause reason with its IVR digit. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.PauseReasonRequest"];
                    "text/json": components["schemas"]["Application.Admin.PauseReasonRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.PauseReasonRequest"];
                };
            };
            responses: {
                /** @description Created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.PauseReasonResponse"];
                        "application/json": components["schemas"]["Application.Admin.PauseReasonResponse"];
                        "text/json": components["schemas"]["Application.Admin.PauseReasonResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Name or code taken. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/pause-reasons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Edits a pause reason. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.PauseReasonRequest"];
                    "text/json": components["schemas"]["Application.Admin.PauseReasonRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.PauseReasonRequest"];
                };
            };
            responses: {
                /** @description The updated reason. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.PauseReasonResponse"];
                        "application/json": components["schemas"]["Application.Admin.PauseReasonResponse"];
                        "text/json": components["schemas"]["Application.Admin.PauseReasonResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such reason. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Name or code taken, or a code for a system reason. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Deletes a pause reason (not a system one). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such reason. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description System reason. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/phones/{id}/sip-credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issues the phone's SIP credentials: a new password for its endpoint (applied on Asterisk at once; the phone must
         *     then register with it), shown in this answer only, recorded in the audit log (`phone.sip_credentials_issued`,
         *     without the password). The answer to the phone's creation carries its first credentials the same way.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The credentials: endpoint, user name (= endpoint) and password. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Provisioning.PhoneSipCredentials"];
                        "application/json": components["schemas"]["Application.Provisioning.PhoneSipCredentials"];
                        "text/json": components["schemas"]["Application.Provisioning.PhoneSipCredentials"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such phone in the caller's tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `provisioning_off`: CtiBridge does not provision endpoints (sandbox, or `Asterisk:Provisioning:IncludeFile` unset); `endpoint_taken`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/phones/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each phone of the tenant with its live registration as the PBX knows it now: registered or not, its contacts
         *     (contact URI, User-Agent, status, when the registration expires) and when the PBX last heard from it (since
         *     CtiBridge started). Read from Asterisk over AMI at each request.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The phones, by extension. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.PhoneRegistrations.PhoneRegistrationResponse"][];
                        "application/json": components["schemas"]["Application.PhoneRegistrations.PhoneRegistrationResponse"][];
                        "text/json": components["schemas"]["Application.PhoneRegistrations.PhoneRegistrationResponse"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`: the PBX could not be asked (AMI not configured or not connected). */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/phones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists the phones. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The phones. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.PhoneResponse"][];
                        "application/json": components["schemas"]["Application.Admin.PhoneResponse"][];
                        "text/json": components["schemas"]["Application.Admin.PhoneResponse"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Adds a phone: its PJSIP endpoint is `<domain>-<endpointName>` (CtiBridge adds the prefix), by default `<domain>-<extension>`. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.PhoneRequest"];
                    "text/json": components["schemas"]["Application.Admin.PhoneRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.PhoneRequest"];
                };
            };
            responses: {
                /** @description Created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.PhoneResponse"];
                        "application/json": components["schemas"]["Application.Admin.PhoneResponse"];
                        "text/json": components["schemas"]["Application.Admin.PhoneResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `conflict` (the tenant has a phone of that endpoint name), `endpoint_taken` (another tenant's endpoint on the shared PBX). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/phones/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Edits a phone. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.PhoneRequest"];
                    "text/json": components["schemas"]["Application.Admin.PhoneRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.PhoneRequest"];
                };
            };
            responses: {
                /** @description The updated phone. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.PhoneResponse"];
                        "application/json": components["schemas"]["Application.Admin.PhoneResponse"];
                        "text/json": components["schemas"]["Application.Admin.PhoneResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such phone. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `conflict` (the tenant has a phone of that endpoint name), `endpoint_taken` (another tenant's endpoint on the shared PBX). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Removes a phone. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such phone. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/calls/recent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agent's calls, newest first (default: today), with the same filters and paging as `/call-records`. */
        get: {
            parameters: {
                query?: {
                    /** @description Offered at or after (ISO 8601; default: the start of today, UTC). */
                    From?: string;
                    /** @description Offered before (ISO 8601). */
                    To?: string;
                    /** @description Inbound, Outbound or Internal. */
                    Direction?: components["schemas"]["Domain.Calls.CallDirection"];
                    /** @description Queue (inbound through a skill group), Direct (inbound to an agent), Outbound or Internal. */
                    Kind?: components["schemas"]["Domain.Calls.CallKind"];
                    /** @description InboundQueue, DirectInbound, ManualOutbound (dialled by hand), TaskDialled (dialled for a dial task), Internal, Transferred (an agent transferred it) or Consulted (another agent joined: consulted, conferenced, or handed it by a transfer). */
                    Type?: components["schemas"]["Application.Records.CallRecordType"];
                    /** @description A skill group the caller waited in (any of them: a call that overflowed is found under each group it waited in). */
                    SkillGroupId?: string;
                    /** @description Calls this agent took part in (answered, offered, consulted, conferenced). */
                    AgentId?: string;
                    /** @description Substring of the customer number or name (case-insensitive; agents, who see masked numbers, search names only). */
                    Search?: string;
                    /** @description Answered, NotAnswered, Abandoned, Busy or Failed (docs/reports.md). */
                    Outcome?: components["schemas"]["Data.Entities.CallOutcome"];
                    /** @description The detailed end reason: who hung up an answered call (CustomerHungUp, AgentHungUp; Normal: not recorded, calls stored before it was), AgentTransfer, AbandonedWhileWaiting, NoAnswer (RONA), Overflow, Blocklisted, EndedUnseen (ended while no CtiBridge process ran the tenant), … (docs/reports.md). */
                    EndReason?: components["schemas"]["Domain.Calls.CallEndReason"];
                    /** @description Talk time at least this many seconds. */
                    MinTalkSeconds?: number;
                    /** @description The disposition. */
                    DispositionId?: string;
                    /** @description Only calls with (true) or without (false) a recording. */
                    HasRecording?: boolean;
                    /** @description NewestFirst (default) or OldestFirst. */
                    Sort?: components["schemas"]["Application.Records.CallRecordSort"];
                    /** @description The previous page's `nextCursor`. */
                    cursor?: string;
                    /** @description 1–200 (default 50). */
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the agent's records. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Records.CallRecordPage"];
                    };
                };
                /** @description `validation_failed`, `invalid_cursor`, `agent_id_required` (API key on `/agent/…`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_your_agent`, `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/recent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agent's calls, newest first (default: today), with the same filters and paging as `/call-records`. */
        get: {
            parameters: {
                query?: {
                    /** @description Offered at or after (ISO 8601; default: the start of today, UTC). */
                    From?: string;
                    /** @description Offered before (ISO 8601). */
                    To?: string;
                    /** @description Inbound, Outbound or Internal. */
                    Direction?: components["schemas"]["Domain.Calls.CallDirection"];
                    /** @description Queue (inbound through a skill group), Direct (inbound to an agent), Outbound or Internal. */
                    Kind?: components["schemas"]["Domain.Calls.CallKind"];
                    /** @description InboundQueue, DirectInbound, ManualOutbound (dialled by hand), TaskDialled (dialled for a dial task), Internal, Transferred (an agent transferred it) or Consulted (another agent joined: consulted, conferenced, or handed it by a transfer). */
                    Type?: components["schemas"]["Application.Records.CallRecordType"];
                    /** @description A skill group the caller waited in (any of them: a call that overflowed is found under each group it waited in). */
                    SkillGroupId?: string;
                    /** @description Calls this agent took part in (answered, offered, consulted, conferenced). */
                    AgentId?: string;
                    /** @description Substring of the customer number or name (case-insensitive; agents, who see masked numbers, search names only). */
                    Search?: string;
                    /** @description Answered, NotAnswered, Abandoned, Busy or Failed (docs/reports.md). */
                    Outcome?: components["schemas"]["Data.Entities.CallOutcome"];
                    /** @description The detailed end reason: who hung up an answered call (CustomerHungUp, AgentHungUp; Normal: not recorded, calls stored before it was), AgentTransfer, AbandonedWhileWaiting, NoAnswer (RONA), Overflow, Blocklisted, EndedUnseen (ended while no CtiBridge process ran the tenant), … (docs/reports.md). */
                    EndReason?: components["schemas"]["Domain.Calls.CallEndReason"];
                    /** @description Talk time at least this many seconds. */
                    MinTalkSeconds?: number;
                    /** @description The disposition. */
                    DispositionId?: string;
                    /** @description Only calls with (true) or without (false) a recording. */
                    HasRecording?: boolean;
                    /** @description NewestFirst (default) or OldestFirst. */
                    Sort?: components["schemas"]["Application.Records.CallRecordSort"];
                    /** @description The previous page's `nextCursor`. */
                    cursor?: string;
                    /** @description 1–200 (default 50). */
                    pageSize?: number;
                };
                header?: never;
                path: {
                    /** @description The agent (route); absent: the signed-in user. */
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the agent's records. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Records.CallRecordPage"];
                    };
                };
                /** @description `validation_failed`, `invalid_cursor`, `agent_id_required` (API key on `/agent/…`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_your_agent`, `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recordings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recordings, newest first, of the calls matching the call record filters; optionally of one call or a time range of the recordings. */
        get: {
            parameters: {
                query?: {
                    /** @description Offered at or after (ISO 8601; default: the start of today, UTC). */
                    From?: string;
                    /** @description Offered before (ISO 8601). */
                    To?: string;
                    /** @description Inbound, Outbound or Internal. */
                    Direction?: components["schemas"]["Domain.Calls.CallDirection"];
                    /** @description Queue (inbound through a skill group), Direct (inbound to an agent), Outbound or Internal. */
                    Kind?: components["schemas"]["Domain.Calls.CallKind"];
                    /** @description InboundQueue, DirectInbound, ManualOutbound (dialled by hand), TaskDialled (dialled for a dial task), Internal, Transferred (an agent transferred it) or Consulted (another agent joined: consulted, conferenced, or handed it by a transfer). */
                    Type?: components["schemas"]["Application.Records.CallRecordType"];
                    /** @description A skill group the caller waited in (any of them: a call that overflowed is found under each group it waited in). */
                    SkillGroupId?: string;
                    /** @description Calls this agent took part in (answered, offered, consulted, conferenced). */
                    AgentId?: string;
                    /** @description Substring of the customer number or name (case-insensitive; agents, who see masked numbers, search names only). */
                    Search?: string;
                    /** @description Answered, NotAnswered, Abandoned, Busy or Failed (docs/reports.md). */
                    Outcome?: components["schemas"]["Data.Entities.CallOutcome"];
                    /** @description The detailed end reason: who hung up an answered call (CustomerHungUp, AgentHungUp; Normal: not recorded, calls stored before it was), AgentTransfer, AbandonedWhileWaiting, NoAnswer (RONA), Overflow, Blocklisted, EndedUnseen (ended while no CtiBridge process ran the tenant), … (docs/reports.md). */
                    EndReason?: components["schemas"]["Domain.Calls.CallEndReason"];
                    /** @description Talk time at least this many seconds. */
                    MinTalkSeconds?: number;
                    /** @description The disposition. */
                    DispositionId?: string;
                    /** @description Only calls with (true) or without (false) a recording. */
                    HasRecording?: boolean;
                    /** @description NewestFirst (default) or OldestFirst. */
                    Sort?: components["schemas"]["Application.Records.CallRecordSort"];
                    /** @description Only this call's recordings. */
                    callId?: string;
                    /** @description Recording started at or after (ISO 8601). */
                    startedFrom?: string;
                    /** @description Recording started before (ISO 8601). */
                    startedTo?: string;
                    /** @description At most this many (1–500, default 100). */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The recordings the caller may hear. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Records.RecordingView"][];
                    };
                };
                /** @description `validation_failed`: limit out of range, bad filter. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recordings/{recordingId}/audio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The recording's audio (WAV). Supports HTTP range requests (seeking); `download=true` sends it as an attachment. */
        get: {
            parameters: {
                query?: {
                    /** @description Save as a file (audited as a download) instead of playing (audited as a play). */
                    download?: boolean;
                };
                header?: never;
                path: {
                    /** @description The recording. */
                    recordingId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The audio. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "audio/wav": string;
                        "application/problem+json": string;
                    };
                };
                /** @description The requested range of the audio. */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "audio/wav": string;
                        "application/problem+json": string;
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found`: no such recording the caller may hear, or the PBX no longer has its audio. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `range_not_satisfiable`: the range starts after the audio's end. */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recordings/{recordingId}/play-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A play URL for the recording: its audio without an Authorization header (an `<audio>` element, a download
         *     link), for this recording and this user only, for an hour. Signed-in users only.
         */
        post: {
            parameters: {
                query?: {
                    /** @description A download URL (audited as a download, sent as an attachment) instead of a play URL. */
                    download?: boolean;
                };
                header?: never;
                path: {
                    /** @description The recording. */
                    recordingId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The URL and until when it works. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.Records.RecordingPlayUrl"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden`: an API key (it sends its header with the audio request instead). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found`: no such recording the caller may hear. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recordings/{recordingId}/audio/play": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The recording's audio through a play URL (`POST …/play-url`): no Authorization header needed, range requests
         *     (seeking) as `GET …/audio`. The play (or download) is in the audit log once, as the user the URL was issued to,
         *     on the URL's first request whatever its range.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The play token of the URL. */
                    token?: string;
                };
                header?: never;
                path: {
                    /** @description The recording. */
                    recordingId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The audio. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "audio/wav": string;
                        "application/problem+json": string;
                    };
                };
                /** @description The requested range of the audio. */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "audio/wav": string;
                        "application/problem+json": string;
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /**
                 * @description `play_token_invalid`: tampered with, expired, for another recording, or its user signed out or was disabled;
                 *                 `play_token_not_yours`: the request is signed in as somebody else.
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found`: the user may no longer hear it, or the PBX no longer has its audio. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `range_not_satisfiable`. */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `pbx_unavailable`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recordings/{recordingId}/legal-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sets or clears the legal hold of a recording (supervisors of the call's agents, admins). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The recording. */
                    recordingId: string;
                };
                cookie?: never;
            };
            /** @description Hold or release. */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.Records.LegalHoldRequest"];
                    "text/json": components["schemas"]["Api.Records.LegalHoldRequest"];
                    "application/*+json": components["schemas"]["Api.Records.LegalHoldRequest"];
                };
            };
            responses: {
                /** @description The recording. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Records.RecordingView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden`: agents may not set a legal hold; `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/agent-dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in agent's figures for today, yesterday and this month. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The dashboard. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Reports.AgentDashboard"];
                    };
                };
                /** @description `agent_id_required`: an API key uses `/reports/agents/{agentId}`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/agents/{agentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agent's figures over a range. */
        get: {
            parameters: {
                query?: {
                    /** @description Start (ISO 8601; default: today 00:00 UTC). */
                    from?: string;
                    /** @description End, exclusive (default: a day after `from`); at most 366 days after it. */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description The agent. */
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Reports.AgentReport"];
                    };
                };
                /** @description `validation_failed`: bad range. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_your_agent`, `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `agent_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/agents/{agentId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agent's states through a day (UTC), for a timeline chart. */
        get: {
            parameters: {
                query?: {
                    /** @description The day, `yyyy-MM-dd` (default: today). */
                    day?: string;
                };
                header?: never;
                path: {
                    /** @description The agent. */
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The intervals, in order. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Reports.AgentTimeline"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_your_agent`, `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the caller may report on (for choosing a report): admins and API keys every team of the tenant, supervisors
         *     the teams they supervise, each with its agents, and the skill groups; an agent no team and no skill group (she
         *     reads her own dashboard).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The teams with their agents, and the skill groups, by name. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Reports.ReportSubjects"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/teams/{teamId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team's figures over a range: each member and the members together. */
        get: {
            parameters: {
                query?: {
                    /** @description Start (default: today 00:00 UTC). */
                    from?: string;
                    /** @description End, exclusive (default: a day after `from`). */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description The team. */
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Reports.TeamReport"];
                    };
                };
                /** @description `validation_failed`: bad range. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden`: not a supervisor of this team; `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/skill-groups/{skillGroupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A skill group's figures over a range (service level by the group's threshold). */
        get: {
            parameters: {
                query?: {
                    /** @description Start (default: today 00:00 UTC). */
                    from?: string;
                    /** @description End, exclusive (default: a day after `from`). */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description The skill group. */
                    skillGroupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Reports.SkillGroupReport"];
                    };
                };
                /** @description `validation_failed`: bad range. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden`: agents; `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `skill_group_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A customer calls a skill group (by name, number or id) from a number, with optional attached data. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.SandboxCallRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.SandboxCallRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.SandboxCallRequest"];
                };
            };
            responses: {
                /** @description The customer's leg id (use it to hang up as the customer). */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.Sandbox.SandboxCallResponse"];
                    };
                };
                /** @description Invalid body. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `sandbox_only`, `skill_group_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/legs/{legId}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The device of a leg answers (a customer's outbound leg, a consulted number, an agent's ringing phone). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    legId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Answered. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `sandbox_only`, `not_found` (no such leg in your tenant). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/legs/{legId}/hangup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The far end of a leg hangs up (the customer hangs up; or a ringing leg is rejected). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    legId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Hung up. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `sandbox_only`, `not_found` (no such leg in your tenant). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/legs/{legId}/dtmf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The device of a leg types digits (RFC 4733 on a real phone): e.g. the customer answering a self-service flow. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    legId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.DtmfRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.DtmfRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.DtmfRequest"];
                };
            };
            responses: {
                /** @description Sent. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `validation_failed`: digits other than 0-9, *, #, A-D, or more than 32. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `sandbox_only`, `not_found` (no such leg in your tenant). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/calls/{callId}/recording/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The PBX ends the call's running recording on its own, as Asterisk does when its recorder fails: the call shows no
         *     longer recording and its agents get `callStateChanged` with `recording_ended_by_pbx`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ended. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `sandbox_only`, `call_not_found` (no such live call in your tenant). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_recording`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/self-service-flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists the flows by name. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The flows. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.SelfService.SelfServiceFlowDetails"][];
                        "application/json": components["schemas"]["Application.SelfService.SelfServiceFlowDetails"][];
                        "text/json": components["schemas"]["Application.SelfService.SelfServiceFlowDetails"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Adds a flow. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.SelfService.SelfServiceFlowRequest"];
                    "text/json": components["schemas"]["Application.SelfService.SelfServiceFlowRequest"];
                    "application/*+json": components["schemas"]["Application.SelfService.SelfServiceFlowRequest"];
                };
            };
            responses: {
                /** @description Added. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.SelfService.SelfServiceFlowDetails"];
                        "application/json": components["schemas"]["Application.SelfService.SelfServiceFlowDetails"];
                        "text/json": components["schemas"]["Application.SelfService.SelfServiceFlowDetails"];
                    };
                };
                /**
                 * @description `validation_failed`: a name, prompt (a sound file name only: no path, extension or URI) or data key
                 *                 of the wrong form, neither maximum digits nor terminator, a timeout outside 3–300 s.
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `self_service_flow_name_taken`: the tenant has a flow of that name (case-insensitive). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/self-service-flows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One flow. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The flow. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.SelfService.SelfServiceFlowDetails"];
                        "application/json": components["schemas"]["Application.SelfService.SelfServiceFlowDetails"];
                        "text/json": components["schemas"]["Application.SelfService.SelfServiceFlowDetails"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found` (also another tenant's). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        /** Edits a flow (a customer in it right now finishes the flow as it was). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.SelfService.SelfServiceFlowRequest"];
                    "text/json": components["schemas"]["Application.SelfService.SelfServiceFlowRequest"];
                    "application/*+json": components["schemas"]["Application.SelfService.SelfServiceFlowRequest"];
                };
            };
            responses: {
                /** @description The flow. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.SelfService.SelfServiceFlowDetails"];
                        "application/json": components["schemas"]["Application.SelfService.SelfServiceFlowDetails"];
                        "text/json": components["schemas"]["Application.SelfService.SelfServiceFlowDetails"];
                    };
                };
                /** @description `validation_failed`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found` (also another tenant's). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `self_service_flow_name_taken`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Removes a flow (a customer in it right now still comes back to the agent). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found` (also another tenant's). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Signs in with tenant domain, login (username, agent number or email) and password.
         * @description Returns a bearer access token (for REST: `Authorization: Bearer …`; for the SignalR hub:
         *     `?access_token=…`) and a refresh token. Five wrong passwords in a row lock the account
         *     for 15 minutes (configurable); while locked, only the right password is told so (403 `account_locked`),
         *     any other gets the answer of an unknown user. Browser apps send `"refreshTokenAsCookie": true` to get the
         *     refresh token as an HttpOnly cookie scoped to the refresh endpoint instead of in the body. Example: `{"domain":"demo","login":"agent1","password":"Quiet-Harbor-2026"}`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Auth.LoginRequest"];
                    "text/json": components["schemas"]["Application.Auth.LoginRequest"];
                    "application/*+json": components["schemas"]["Application.Auth.LoginRequest"];
                };
            };
            responses: {
                /** @description Signed in. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Auth.SessionResponse"];
                        "application/json": components["schemas"]["Application.Auth.SessionResponse"];
                        "text/json": components["schemas"]["Application.Auth.SessionResponse"];
                    };
                };
                /** @description Missing or malformed fields (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unknown tenant (`tenant_not_found`) or wrong login/password (`invalid_credentials`), also while the account is locked. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The right password, but the account is locked (`account_locked`) or disabled (`account_disabled`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Too many attempts from this address for this tenant (`rate_limited`). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchanges a refresh token for a new access and refresh token (the old refresh token is spent).
         * @description API clients send `{"refreshToken": "…"}` and get the new one in the body. A browser app signed in with
         *     `refreshTokenAsCookie` sends `{}`: the `cti_refresh` cookie is used and replaced.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Auth.RefreshRequest"];
                    "text/json": components["schemas"]["Application.Auth.RefreshRequest"];
                    "application/*+json": components["schemas"]["Application.Auth.RefreshRequest"];
                };
            };
            responses: {
                /** @description New session. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Auth.SessionResponse"];
                        "application/json": components["schemas"]["Application.Auth.SessionResponse"];
                        "text/json": components["schemas"]["Application.Auth.SessionResponse"];
                    };
                };
                /** @description Malformed body. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description No, invalid, expired or already used refresh token (`invalid_credentials`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signs out: revokes every refresh token of the caller and refuses the access token of this request from now on. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Not signed in. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user: ids, tenant, roles, extension. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Auth.MeResponse"];
                        "application/json": components["schemas"]["Application.Auth.MeResponse"];
                        "text/json": components["schemas"]["Application.Auth.MeResponse"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Not signed in. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Changes the caller's password.
         * @description The new password must be 12–256 characters (spaces and any Unicode allowed), not a common password and not
         *     contain the username or the tenant's domain; a tenant may also require a letter, a digit and a symbol. Other
         *     sessions end.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Auth.ChangePasswordRequest"];
                    "text/json": components["schemas"]["Application.Auth.ChangePasswordRequest"];
                    "application/*+json": components["schemas"]["Application.Auth.ChangePasswordRequest"];
                };
            };
            responses: {
                /** @description Changed. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Weak new password (`weak_password`), wrong current password (`invalid_credentials`) or missing fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not signed in. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/skill-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statistics of the caller's skill groups (agents: their own; supervisors, admins and API keys: all of the tenant). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One entry per group. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.SkillGroupStats"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/skill-groups/transfer-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every skill group of the tenant as a transfer target, with how many of its agents are free now (Ready, not
         *     paused there, device available): an agent may transfer a caller to any group, not only her own.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One entry per group, by name. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.CallCenter.TransferTargetGroup"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/skill-groups/{groupId}/waiting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calls waiting in a group, in the order they will be offered (members, supervisors, API keys). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The waiting list (position 1 = next). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.WaitingCallView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_a_member`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `skill_group_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/skill-groups/{groupId}/waiting/{callId}/position": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Moves a waiting call to a new position: a supervisor in the skill groups of the teams they lead, a tenant admin or
         *     an API key with call-control in any group of the tenant (the supervisor desk uses
         *     `PUT /api/v1/supervision/skill-groups/{groupId}/waiting/{callId}/position`, which has the same rules).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.WaitingPositionRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.WaitingPositionRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.WaitingPositionRequest"];
                };
            };
            responses: {
                /** @description Moved. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid body or position out of range. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden` (not a supervisor), `not_your_skill_group`, `insufficient_scope`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `skill_group_not_found`, `call_not_found` (not waiting there). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/skill-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists the skill groups with their members. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The groups. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.SkillGroupResponse"][];
                        "application/json": components["schemas"]["Application.Admin.SkillGroupResponse"][];
                        "text/json": components["schemas"]["Application.Admin.SkillGroupResponse"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Creates a skill group. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.SkillGroupRequest"];
                    "text/json": components["schemas"]["Application.Admin.SkillGroupRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.SkillGroupRequest"];
                };
            };
            responses: {
                /** @description Created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.SkillGroupResponse"];
                        "application/json": components["schemas"]["Application.Admin.SkillGroupResponse"];
                        "text/json": components["schemas"]["Application.Admin.SkillGroupResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The overflow group does not exist. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Name or number taken. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/skill-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reads one skill group. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The group. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.SkillGroupResponse"];
                        "application/json": components["schemas"]["Application.Admin.SkillGroupResponse"];
                        "text/json": components["schemas"]["Application.Admin.SkillGroupResponse"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such group (`skill_group_not_found`). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        /** Replaces a skill group's settings (members unchanged). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.SkillGroupRequest"];
                    "text/json": components["schemas"]["Application.Admin.SkillGroupRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.SkillGroupRequest"];
                };
            };
            responses: {
                /** @description The updated group. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.SkillGroupResponse"];
                        "application/json": components["schemas"]["Application.Admin.SkillGroupResponse"];
                        "text/json": components["schemas"]["Application.Admin.SkillGroupResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such group. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Name or number taken, or overflow to itself. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Deletes a skill group. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such group. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/skill-groups/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replaces the group's members and their priorities (lower priority is offered first). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.SkillGroupMembersRequest"];
                    "text/json": components["schemas"]["Application.Admin.SkillGroupMembersRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.SkillGroupMembersRequest"];
                };
            };
            responses: {
                /** @description The group with its members. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.SkillGroupResponse"];
                        "application/json": components["schemas"]["Application.Admin.SkillGroupResponse"];
                        "text/json": components["schemas"]["Application.Admin.SkillGroupResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such group or user. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/skill-groups/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Adds one member or changes its priority. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.SkillGroupMemberPriorityRequest"];
                    "text/json": components["schemas"]["Application.Admin.SkillGroupMemberPriorityRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.SkillGroupMemberPriorityRequest"];
                };
            };
            responses: {
                /** @description The group with its members. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.SkillGroupResponse"];
                        "application/json": components["schemas"]["Application.Admin.SkillGroupResponse"];
                        "text/json": components["schemas"]["Application.Admin.SkillGroupResponse"];
                    };
                };
                /** @description Invalid priority. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such group or user. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Removes one member. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such group, or the user is not a member (`not_a_member`). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/softphone/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Calls the web agent's softphone back into her connected call (the signed-in agent, or the agent named in the path).
         * @description CtiBridge hangs up what is left of her old softphone leg (not her hang-up), keeps the customer in the call with
         *     music, and rings her softphone asking it to answer by itself; once it answers, the new leg is in the call in place
         *     of the old one and the music stops (`callStateChanged` with reason `softphone_returned`). Asking again
         *     while it rings does nothing. If the softphone does not come back within 30 s, her part of the call ends as if she
         *     had hung up.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Her softphone is being rung back into the call. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found` (also another agent's call). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `no_softphone` (not a web-extension agent, or on a hot-desk phone), `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/calls/{callId}/softphone/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Calls the web agent's softphone back into her connected call (the signed-in agent, or the agent named in the path).
         * @description CtiBridge hangs up what is left of her old softphone leg (not her hang-up), keeps the customer in the call with
         *     music, and rings her softphone asking it to answer by itself; once it answers, the new leg is in the call in place
         *     of the old one and the music stops (`callStateChanged` with reason `softphone_returned`). Asking again
         *     while it rings does nothing. If the softphone does not come back within 30 s, her part of the call ends as if she
         *     had hung up.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Her softphone is being rung back into the call. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_found` (also another agent's call). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `no_softphone` (not a web-extension agent, or on a hot-desk phone), `call_not_connected`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/skill-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your skill groups' live figures, by name.
         * @description Example (one group):
         *
         *         [{ "skillGroupId": "0d6c2f8e-…", "name": "Sales", "waiting": 2, "longestWaitSeconds": 41.5,
         *            "agentsLoggedIn": 5, "agentsReady": 1, "agentsFree": 1, "agentsBusy": 2, "agentsNotReady": 1, "agentsWrapUp": 1,
         *            "serviceLevelSeconds": 20,
         *            "callers": [{ "callId": "…", "position": 1, "customerNumber": "+49301234xxxx", "enqueuedAt": "2026-12-05T22:40:01Z" },
         *                        { "callId": "…", "position": 2, "customerNumber": "+49309876xxxx", "enqueuedAt": "2026-12-05T22:40:30Z" }],
         *            "today": { "day": "2026-12-05", "serviceLevelSeconds": 20,
         *                       "figures": { "offered": 120, "answered": 110, "abandoned": 8, "notAnswered": 2, "rona": 3,
         *                                    "answeredWithinServiceLevel": 96, "serviceLevelPercent": 85.7, "averageWaitSeconds": 14.2,
         *                                    "longestWaitSeconds": 95, "averageTalkSeconds": 183.4, "averageHoldSeconds": 12.1 } } }]
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One entry per group; `today` is null for a moment after a restart. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Events.SkillGroupStats"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden`: not a supervisor of a team nor a tenant admin. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/skill-groups/{groupId}/waiting/{callId}/position": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Moves a waiting call up or down its group's list (1 = offered next). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.CallCenter.WaitingPositionRequest"];
                    "text/json": components["schemas"]["Api.CallCenter.WaitingPositionRequest"];
                    "application/*+json": components["schemas"]["Api.CallCenter.WaitingPositionRequest"];
                };
            };
            responses: {
                /** @description Moved. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `validation_failed`: no position or out of range. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden`, `not_your_skill_group`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `skill_group_not_found`, `call_not_found` (not waiting there). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/skill-groups/{groupId}/waiting/{callId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Moves a waiting call to another of your skill groups; it keeps its wait and takes its place there by it. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.Supervision.MoveWaitingCallRequest"];
                    "text/json": components["schemas"]["Api.Supervision.MoveWaitingCallRequest"];
                    "application/*+json": components["schemas"]["Api.Supervision.MoveWaitingCallRequest"];
                };
            };
            responses: {
                /** @description Moved (it may be offered at once in the new group). */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `validation_failed`: no group, or the group it waits in. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden`, `not_your_skill_group` (either group). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `skill_group_not_found`, `call_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_waiting`: answered, offered, moved or ended meanwhile. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/skill-groups/{groupId}/waiting/{callId}/hand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Offers a waiting call now to a Ready agent of your teams, ahead of the group's order. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupId: string;
                    callId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.Supervision.HandWaitingCallRequest"];
                    "text/json": components["schemas"]["Api.Supervision.HandWaitingCallRequest"];
                    "application/*+json": components["schemas"]["Api.Supervision.HandWaitingCallRequest"];
                };
            };
            responses: {
                /** @description The agent's phone rings (`callOffered`); unanswered, the call goes back to the head of its group. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `validation_failed`: no agent. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden`, `not_your_skill_group`, `not_your_agent`. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `skill_group_not_found`, `call_not_found`, `agent_not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `call_not_waiting`, `agent_not_logged_in`, `agent_not_ready` (not Ready or device unavailable). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agents of your teams, by name. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The team's agents (the customer's number masked by the tenant's rule). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Supervision.Team.TeamAgentView"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden`: not a supervisor of a team nor a tenant admin (agents and API keys included). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists the teams. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The teams. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.TeamResponse"][];
                        "application/json": components["schemas"]["Application.Admin.TeamResponse"][];
                        "text/json": components["schemas"]["Application.Admin.TeamResponse"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Creates a team. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.TeamRequest"];
                    "text/json": components["schemas"]["Application.Admin.TeamRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.TeamRequest"];
                };
            };
            responses: {
                /** @description Created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.TeamResponse"];
                        "application/json": components["schemas"]["Application.Admin.TeamResponse"];
                        "text/json": components["schemas"]["Application.Admin.TeamResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description A listed user does not exist in this tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Name taken, or a listed supervisor lacks the supervisor role. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reads one team. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The team. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.TeamResponse"];
                        "application/json": components["schemas"]["Application.Admin.TeamResponse"];
                        "text/json": components["schemas"]["Application.Admin.TeamResponse"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such team. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        /** Replaces a team's name, supervisors and members. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.TeamRequest"];
                    "text/json": components["schemas"]["Application.Admin.TeamRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.TeamRequest"];
                };
            };
            responses: {
                /** @description The updated team. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.TeamResponse"];
                        "application/json": components["schemas"]["Application.Admin.TeamResponse"];
                        "text/json": components["schemas"]["Application.Admin.TeamResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such team or user. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Name taken, or a supervisor lacks the role. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Deletes a team (its users stay). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such team. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists every tenant. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The tenants. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.TenantResponse"][];
                        "application/json": components["schemas"]["Application.Admin.TenantResponse"][];
                        "text/json": components["schemas"]["Application.Admin.TenantResponse"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Not signed in and no bootstrap key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not a platform admin. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Creates a tenant with its first admin user and its system pause reasons. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.CreateTenantRequest"];
                    "text/json": components["schemas"]["Application.Admin.CreateTenantRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.CreateTenantRequest"];
                };
            };
            responses: {
                /** @description Created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.TenantResponse"];
                        "application/json": components["schemas"]["Application.Admin.TenantResponse"];
                        "text/json": components["schemas"]["Application.Admin.TenantResponse"];
                    };
                };
                /** @description Invalid input (`validation_failed`) or weak admin password (`weak_password`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Not signed in and no bootstrap key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not a platform admin. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The domain is taken (`conflict`). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Edits any tenant, including enabling or disabling it. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.UpdateTenantRequest"];
                    "text/json": components["schemas"]["Application.Admin.UpdateTenantRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.UpdateTenantRequest"];
                };
            };
            responses: {
                /** @description The updated tenant. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.TenantResponse"];
                        "application/json": components["schemas"]["Application.Admin.TenantResponse"];
                        "text/json": components["schemas"]["Application.Admin.TenantResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Not signed in and no bootstrap key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Not a platform admin. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists the tenant's users. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The users. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.UserResponse"][];
                        "application/json": components["schemas"]["Application.Admin.UserResponse"][];
                        "text/json": components["schemas"]["Application.Admin.UserResponse"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Creates a user (optionally with an agent profile). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.CreateUserRequest"];
                    "text/json": components["schemas"]["Application.Admin.CreateUserRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.CreateUserRequest"];
                };
            };
            responses: {
                /** @description Created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.UserResponse"];
                        "application/json": components["schemas"]["Application.Admin.UserResponse"];
                        "text/json": components["schemas"]["Application.Admin.UserResponse"];
                    };
                };
                /** @description Invalid input (`validation_failed`) or weak password (`weak_password`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Username, email, agent number or extension taken (`conflict`), or the extension's endpoint is another tenant's (`endpoint_taken`). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reads one user. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.UserResponse"];
                        "application/json": components["schemas"]["Application.Admin.UserResponse"];
                        "text/json": components["schemas"]["Application.Admin.UserResponse"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such user in this tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        /** Edits a user's email, agent number, display name, roles and enabled flag. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.UpdateUserRequest"];
                    "text/json": components["schemas"]["Application.Admin.UpdateUserRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.UpdateUserRequest"];
                };
            };
            responses: {
                /** @description The updated user. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.UserResponse"];
                        "application/json": components["schemas"]["Application.Admin.UserResponse"];
                        "text/json": components["schemas"]["Application.Admin.UserResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such user in this tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Taken values, or an admin disabling or demoting themself. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Creates agents from a CSV file (header row; columns username, displayName, password, extension, and optionally
         *     email, agentNumber, extensionKind), all of them or none.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.ImportAgentsRequest"];
                    "text/json": components["schemas"]["Application.Admin.ImportAgentsRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.ImportAgentsRequest"];
                };
            };
            responses: {
                /** @description Every row was created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.ImportAgentsResponse"];
                        "application/json": components["schemas"]["Application.Admin.ImportAgentsResponse"];
                        "text/json": components["schemas"]["Application.Admin.ImportAgentsResponse"];
                    };
                };
                /**
                 * @description Nothing was created: the file cannot be read (`errors.csv`), or rows have problems
                 *                 (`validation_failed`, one entry per problem under `rows[N].field`, N being the line of the file, or
                 *                 `rows[N]` for a taken username, email or agent number).
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sets a user's password (the password rule applies), unlocks the account and ends its sessions. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.SetPasswordRequest"];
                    "text/json": components["schemas"]["Application.Admin.SetPasswordRequest"];
                    "application/*+json": components["schemas"]["Application.Admin.SetPasswordRequest"];
                };
            };
            responses: {
                /** @description Set. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Weak password (`weak_password`) or missing field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such user in this tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clears a lockout after failed sign-ins. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unlocked. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such user in this tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/agent-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Creates or replaces the user's agent profile (extension, kind, PIN, wrap-up, ACW and working mode). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.AgentProfileModel"];
                    "text/json": components["schemas"]["Application.Admin.AgentProfileModel"];
                    "application/*+json": components["schemas"]["Application.Admin.AgentProfileModel"];
                };
            };
            responses: {
                /** @description The user with the profile. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.UserResponse"];
                        "application/json": components["schemas"]["Application.Admin.UserResponse"];
                        "text/json": components["schemas"]["Application.Admin.UserResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such user in this tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `conflict` (extension taken in the tenant), `endpoint_taken` (its endpoint `<domain>-<extension>` is another tenant's on the shared PBX). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Removes the user's agent profile. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such user or profile in this tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/supervisor-device": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Gives a supervisor (or admin) their own device for monitoring calls, provisioned as `<tenant>-<extension>`.
         * @description Without one, monitoring rings the supervisor's agent extension, if they have one; else it is refused with `no_supervisor_device`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Application.Admin.SupervisorDeviceModel"];
                    "text/json": components["schemas"]["Application.Admin.SupervisorDeviceModel"];
                    "application/*+json": components["schemas"]["Application.Admin.SupervisorDeviceModel"];
                };
            };
            responses: {
                /** @description The user with `supervisorDevice`. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Application.Admin.UserResponse"];
                        "application/json": components["schemas"]["Application.Admin.UserResponse"];
                        "text/json": components["schemas"]["Application.Admin.UserResponse"];
                    };
                };
                /** @description Invalid input. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such user in this tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `conflict` (not a supervisor or admin; extension taken in the tenant), `endpoint_taken` (another tenant's endpoint). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Removes a supervisor's device (and its endpoint on the PBX). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such user or device in this tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The key's skill groups and their current figures (read-only).
         * @description Example:
         *
         *         { "name": "Floor 2 screen", "skillGroups": [{ "skillGroupId": "…", "name": "Sales", "waiting": 3, "longestWaitSeconds": 74.2,
         *           "agentsLoggedIn": 8, "agentsReady": 1, "agentsFree": 1, "agentsBusy": 5, "agentsNotReady": 1, "agentsWrapUp": 1,
         *           "serviceLevelSeconds": 20, "callers": null,
         *           "today": { "day": "2026-12-05", "serviceLevelSeconds": 20, "figures": { "offered": 120, "answered": 110, "abandoned": 8, "serviceLevelPercent": 85.7, … } } }] }
         */
        get: {
            parameters: {
                query?: {
                    /** @description The wallboard key (or send it in the `X-Wallboard-Key` header). */
                    key?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The board. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.Wallboards.WallboardView"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description `invalid_wallboard_key`: missing, unknown or revoked. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `forbidden`: the key's tenant is disabled. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/wallboard-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists the tenant's wallboard keys (never the keys themselves). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The keys. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Supervision.Wallboards.WallboardKeyInfo"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /** Creates a key for chosen skill groups; the response holds the key, shown this once. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.Wallboards.CreateWallboardKeyRequest"];
                    "text/json": components["schemas"]["Api.Wallboards.CreateWallboardKeyRequest"];
                    "application/*+json": components["schemas"]["Api.Wallboards.CreateWallboardKeyRequest"];
                };
            };
            responses: {
                /** @description The key. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Supervision.Wallboards.CreatedWallboardKey"];
                    };
                };
                /** @description `validation_failed`: no name, no groups, or a group not of this tenant. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/wallboard-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revokes a key: it stops working at once and its open wall screens are disconnected. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `not_found`. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists the endpoints. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The endpoints. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Persistence.WebhookEndpointInfo"][];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Adds an endpoint; the response carries the signing secret (shown once).
         * @description The URL must lead to public internet addresses only (every address its name resolves to); loopback, link-local, private and other reserved addresses are refused unless the operator allows the host.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.Webhooks.WebhookRequest"];
                    "text/json": components["schemas"]["Api.Webhooks.WebhookRequest"];
                    "application/*+json": components["schemas"]["Api.Webhooks.WebhookRequest"];
                };
            };
            responses: {
                /** @description The endpoint and its secret. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Api.Webhooks.CreatedWebhook"];
                    };
                };
                /** @description Invalid body (`validation_failed`), or `webhook_target_not_allowed`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Edits an endpoint (URL, event types, enabled). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Api.Webhooks.WebhookRequest"];
                    "text/json": components["schemas"]["Api.Webhooks.WebhookRequest"];
                    "application/*+json": components["schemas"]["Api.Webhooks.WebhookRequest"];
                };
            };
            responses: {
                /** @description The endpoint. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Persistence.WebhookEndpointInfo"];
                    };
                };
                /** @description Invalid body (`validation_failed`), or `webhook_target_not_allowed`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such endpoint. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description The body is not `application/json` (`http_error`). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        post?: never;
        /** Deletes an endpoint and its delivery log. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such endpoint. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's latest deliveries (newest first): status, attempts, next attempt, last error. */
        get: {
            parameters: {
                query?: {
                    /** @description How many (1–500, default 100). */
                    take?: number;
                };
                header?: never;
                path: {
                    /** @description The endpoint. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The deliveries. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Persistence.WebhookDeliveryInfo"][];
                    };
                };
                /** @description `take` out of range. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such endpoint. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tries a failed delivery once more, now: it becomes pending and the worker sends it (same payload, signed anew).
         *     Its attempts are kept, so a failure fails it again; the delivery log shows the outcome.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The endpoint. */
                    id: string;
                    /** @description The delivery (from the delivery log). */
                    deliveryId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Pending again, due now. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application.Persistence.WebhookDeliveryInfo"];
                    };
                };
                /** @description The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description No such endpoint, or no such delivery of it. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
                /** @description `webhook_delivery_not_failed` (pending or delivered), `webhook_endpoint_disabled`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Microsoft.AspNetCore.Mvc.ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description CTI login after the session login.
         * @example {
         *       "ready": true
         *     }
         */
        "Api.CallCenter.AgentLoginRequest": {
            /** @description Start Ready (true) or Not Ready (false, with CtiBridge.Api.CallCenter.AgentLoginRequest.Reason or the system reason "Logged in"). */
            ready?: boolean | null;
            /** @description A Not Ready reason of the tenant (name or IVR code), when CtiBridge.Api.CallCenter.AgentLoginRequest.Ready is false. */
            reason?: string | null;
            /** @description A free hot-desk phone's endpoint (see GET /api/v1/phones/free) to take calls on instead of the own extension. */
            phoneEndpoint?: string | null;
        };
        /**
         * @description Switches the agent's auto-answer on or off.
         * @example {
         *       "enabled": true
         *     }
         */
        "Api.CallCenter.AutoAnswerRequest": {
            /** @description True: offered calls are answered without a click. */
            enabled?: boolean | null;
        };
        /**
         * @description A new API key.
         * @example {
         *       "name": "CRM integration",
         *       "scopes": [
         *         "read",
         *         "call-control"
         *       ]
         *     }
         */
        "Api.CallCenter.CreateApiKeyRequest": {
            /** @description What the key is for (1–100 characters). */
            name?: string | null;
            /** @description One or more of `read`, `call-control`, `admin`. */
            scopes?: string[] | null;
            /**
             * Format: date-time
             * @description When the key stops working (optional, in the future).
             */
            expiresAt?: string | null;
        };
        /** @description A created key: CtiBridge.Api.CallCenter.CreatedApiKey.Key is shown this once only (the server keeps its hash). */
        "Api.CallCenter.CreatedApiKey": {
            info?: components["schemas"]["Application.Persistence.ApiKeyInfo"];
            key?: string;
        };
        /**
         * @description Click-to-dial: the agent's phone rings first, then the number is dialled.
         * @example {
         *       "number": "+4930123456"
         *     }
         */
        "Api.CallCenter.DialRequest": {
            /** @description A number or a colleague's extension: optional +, then 2–32 of 0-9 * #. */
            number?: string | null;
            /** @description A caller ID the agent may present (`GET /api/v1/agent/caller-ids`); left out: the first of hers, else the trunk's default. */
            callerId?: string | null;
        };
        /** @description The id of a call created by click-to-dial. */
        "Api.CallCenter.DialResponse": {
            /** Format: uuid */
            callId?: string;
        };
        /** @description An agent or supervisor in the directory. */
        "Api.CallCenter.DirectoryEntry": {
            /**
             * Format: uuid
             * @description The user's id.
             */
            agentId?: string;
            /** @description Name shown in the toolbar. */
            displayName?: string;
            /** @description The agent's extension (null for supervisors who are not agents). */
            extension?: string | null;
            /** @description E-mail address. */
            email?: string | null;
            /** @description Agent state (`Ready`, `NotReady`, `OnCall` …); null for supervisors who are not agents. */
            status?: string | null;
            /** @description Not Ready reason. */
            reason?: string | null;
            /** @description The agent's skill groups. */
            skillGroupIds?: string[];
            /** @description `agent` or `supervisor`. */
            role?: string;
        };
        /**
         * @description The agent's own disposition and remarks on a call (live, in wrap-up, or after it ended). A field left out keeps its value; an empty one clears it.
         * @example {
         *       "dispositionId": "3f2a9c4e-0b1d-4c55-9a57-2b0e8f6c1d20",
         *       "remarks": "Customer ordered 3 items."
         *     }
         */
        "Api.CallCenter.DispositionRequest": {
            /**
             * Format: uuid
             * @description One of the tenant's active disposition codes (`GET /api/v1/agent/dispositions`); wins over `disposition`.
             */
            dispositionId?: string | null;
            /**
             * @description A disposition code or name of the tenant, any case (older clients send this). Free text only for a tenant without
             *     codes (kept with the remarks); otherwise `disposition_unknown`. At most 100 characters.
             */
            disposition?: string | null;
            /** @description Free text, at most 2000 characters. */
            remarks?: string | null;
        };
        /**
         * @description DTMF digits to send to the far end.
         * @example {
         *       "digits": "123#"
         *     }
         */
        "Api.CallCenter.DtmfRequest": {
            /** @description 0-9, *, #, A-D; 1–32 digits. */
            digits?: string | null;
        };
        /**
         * @description Extends the running wrap-up.
         * @example {
         *       "seconds": 30
         *     }
         */
        "Api.CallCenter.ExtendWrapUpRequest": {
            /**
             * Format: int32
             * @description Seconds to add, 1–3600.
             */
            seconds?: number | null;
        };
        /** @description A hot-desk phone nobody is signed in on. */
        "Api.CallCenter.FreePhone": {
            /** @description The PBX endpoint (pass as `phoneEndpoint` at agent login). */
            endpoint?: string;
            /** @description Its extension. */
            extension?: string;
            /** @description Where it is. */
            description?: string | null;
            /** @description Whether the phone is registered with the PBX (always true on the sandbox simulator). */
            registered?: boolean;
        };
        /**
         * @description Whom to consult or add to the conference: exactly one of an agent or a number.
         * @example {
         *       "agentId": "0f8fad5b-d9cb-469f-a165-70867728950e"
         *     }
         */
        "Api.CallCenter.PartyTargetRequest": {
            /**
             * Format: uuid
             * @description A Ready agent of the tenant.
             */
            agentId?: string | null;
            /** @description A number or extension. */
            number?: string | null;
        };
        /** @description A Not Ready reason an agent can choose. */
        "Api.CallCenter.PauseReasonView": {
            /** @description The IVR digit (as text). */
            code?: string;
            /** @description The reason's name. */
            name?: string;
        };
        /**
         * @description Places a simulated customer call into a skill group (sandbox only).
         * @example {
         *       "skillGroup": "Sales",
         *       "callerNumber": "+4930555123",
         *       "attachedData": {
         *         "orderId": "A-1001"
         *       }
         *     }
         */
        "Api.CallCenter.SandboxCallRequest": {
            /** @description The skill group's name, number or id. */
            skillGroup?: string | null;
            /** @description The caller's number: optional +, then 1–31 digits. */
            callerNumber?: string | null;
            /** @description Attached data (at most 20 keys of 1–64 characters, values up to 1000 characters). */
            attachedData?: {
                [key: string]: string;
            } | null;
        };
        /** @description A self-service flow an agent can send a customer through. */
        "Api.CallCenter.SelfServiceFlowView": {
            /** @description The flow's name (used in `POST /calls/{id}/self-service`). */
            name?: string;
            /** @description The attached-data key that receives the digits the customer typed. */
            dataKey?: string;
        };
        /**
         * @description The self-service flow to send the customer through.
         * @example {
         *       "flow": "pin"
         *     }
         */
        "Api.CallCenter.SelfServiceRequest": {
            /** @description A flow name of the tenant (see `GET /agent/self-service-flows`). */
            flow?: string | null;
        };
        /**
         * @description Ready or Not Ready (with a reason); supervisors may also log an agent out.
         * @example {
         *       "state": "NotReady",
         *       "reason": "Meeting",
         *       "message": "Team meeting in room 2, now please."
         *     }
         */
        "Api.CallCenter.SetAgentStateRequest": {
            /**
             * @description A supervisor's note to the agent (up to 200 characters), shown on the agent's toolbar with the supervisor's name and
             *     kept in the state history. Only when a supervisor or admin changes another agent's state; ignored otherwise.
             */
            message?: string | null;
            /** @description `Ready`, `NotReady`, or (supervisors, and agents themselves) `LoggedOut`. */
            state?: string | null;
            /** @description Required for NotReady: one of the tenant's reasons (GET /api/v1/agent/pause-reasons). */
            reason?: string | null;
        };
        /** @description What the browser softphone needs to register (SIP over WSS). */
        "Api.CallCenter.SoftphoneSettingsView": {
            /** @description The PBX's WebSocket (WSS) URL. */
            wsUri?: string;
            /** @description The agent's SIP address of record. */
            aor?: string;
            /** @description SIP auth user (the endpoint name). */
            authorizationUsername?: string;
            /** @description SIP auth password (only ever sent to the agent themself). */
            authorizationPassword?: string;
            /** @description The agent's name on calls they place. */
            displayName?: string;
            /** @description STUN/TURN servers, if configured. */
            iceServers?: string[];
        };
        /**
         * @description Where a blind transfer goes: exactly one of an agent, a skill group or a number.
         * @example {
         *       "skillGroupId": "6f0c1a53-8a7e-4d53-9a55-0c2f5b0d9e11"
         *     }
         */
        "Api.CallCenter.TransferRequest": {
            /**
             * Format: uuid
             * @description A Ready agent of the tenant.
             */
            agentId?: string | null;
            /**
             * Format: uuid
             * @description A skill group: the call queues there.
             */
            skillGroupId?: string | null;
            /** @description A number or extension. */
            number?: string | null;
        };
        /** @description A skill group a call can be transferred to. */
        "Api.CallCenter.TransferTargetGroup": {
            /**
             * Format: uuid
             * @description The group (pass as `skillGroupId` to `POST /calls/{id}/transfer`).
             */
            skillGroupId?: string;
            /** @description Its name. */
            name?: string;
            /**
             * Format: int32
             * @description Its agents free for a call now.
             */
            agentsFree?: number;
        };
        /**
         * @description The new position of a waiting call (1 = next).
         * @example {
         *       "position": 1
         *     }
         */
        "Api.CallCenter.WaitingPositionRequest": {
            /**
             * Format: int32
             * @description 1 … number of waiting calls.
             */
            position?: number | null;
        };
        /**
         * @description Chooses the working mode (for agents whose profile lets them select it).
         * @example {
         *       "mode": "Inbound"
         *     }
         */
        "Api.CallCenter.WorkingModeRequest": {
            /** @description `Inbound`, `Outbound` or `Both`. */
            mode?: string | null;
        };
        /**
         * @description One event as a client receives it: the CtiBridge.Api.Events.EventEnvelope.Epoch of its numbering (new at every process start; with Redis,
         *     per tenant and kept across restarts and takeovers),
         *     the recipient's own sequence number CtiBridge.Api.Events.EventEnvelope.Seq (1, 2, 3 … per user and epoch), the event
         *     CtiBridge.Api.Events.EventEnvelope.Name (also the SignalR method name) and its CtiBridge.Api.Events.EventEnvelope.Data (the event record).
         */
        "Api.Events.EventEnvelope": {
            epoch?: string;
            /** Format: int64 */
            seq?: number;
            name?: string;
            /** Format: date-time */
            at?: string;
            data?: unknown;
        };
        /**
         * @description A skill group's statistics as its subscribers receive them: `{ name: "skillGroupStatsChanged", at, data: { stats } }`
         *     with the group's full current figures. Not part of any user's resumable stream, so it has no `epoch` or
         *     `seq`: it is sent once to the group's SignalR group (serialized once for all its subscribers), at most every
         *     250 ms per group, and a lost one is repaired by the next; a (re)connecting client reads the current figures in the
         *     `skillGroups` of its `Resume` answer.
         */
        "Api.Events.SkillGroupMessage": {
            /** @description The event's name, also the SignalR method name. */
            name?: string;
            /**
             * Format: date-time
             * @description When the dispatcher sent it.
             */
            at?: string;
            /** @description The event (`{ stats: SkillGroupStats }`). */
            data?: unknown;
        };
        /** @description What a client missed: either the events (CtiBridge.Api.Hubs.ResumeResult.Events) or a CtiBridge.Api.Hubs.ResumeResult.Snapshot; and the current statistics. */
        "Api.Hubs.ResumeResult": {
            /** @description The server's current epoch. */
            epoch?: string;
            /**
             * Format: int64
             * @description The client's last sequence number after applying this result.
             */
            seq?: number;
            /** @description The missed events in order, when they could all be replayed. */
            events?: components["schemas"]["Api.Events.EventEnvelope"][] | null;
            snapshot?: components["schemas"]["Api.Hubs.StateSnapshot"] | null;
            /**
             * @description The current statistics of every skill group the caller receives, in every answer: statistics are
             *                 not part of the resumable stream (they arrive as group messages, which a disconnected client misses), so a client
             *                 replaces its statistics with these after each (re)connect.
             */
            skillGroups?: components["schemas"]["Application.Events.SkillGroupStats"][];
        };
        /**
         * @description Everything a toolbar shows: the agent (null for a supervisor who is not an agent), live calls, skill-group stats, and for
         *     a supervisor or admin the live team view (CtiBridge.Api.Hubs.StateSnapshot.Team, null for everyone else: `GET /api/v1/supervision/team`).
         */
        "Api.Hubs.StateSnapshot": {
            agent?: components["schemas"]["Application.Events.AgentView"] | null;
            calls?: components["schemas"]["Application.Events.CallView"][];
            skillGroups?: components["schemas"]["Application.Events.SkillGroupStats"][];
            team?: components["schemas"]["Application.Supervision.Team.TeamAgentView"][] | null;
        };
        /**
         * @description Calling back from a call record; `callerId` as for click-to-dial.
         * @example {
         *       "callerId": "+4930100"
         *     }
         */
        "Api.Records.CallBackRequest": {
            /** @description A caller ID the agent may present (`GET /api/v1/agent/caller-ids`); left out: the first of hers, else the trunk's default. */
            callerId?: string | null;
        };
        /**
         * @description Sets or clears a recording's legal hold.
         * @example {
         *       "hold": true
         *     }
         */
        "Api.Records.LegalHoldRequest": {
            /** @description True: kept past the tenant's retention. */
            hold?: boolean;
        };
        /** @description A URL that plays (or downloads) one recording without an Authorization header, and until when it works. */
        "Api.Records.RecordingPlayUrl": {
            /** @description The audio's path with its play token (`/api/v1/recordings/{id}/audio/play?token=…`); range requests welcome. */
            url?: string;
            /**
             * Format: date-time
             * @description The token's end (an hour after it was issued).
             */
            expiresAt?: string;
        };
        /** @description The leg id of a simulated customer call. */
        "Api.Sandbox.SandboxCallResponse": {
            legId?: string;
        };
        /**
         * @description Hands a waiting call to an agent.
         * @example {
         *       "agentId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11"
         *     }
         */
        "Api.Supervision.HandWaitingCallRequest": {
            /**
             * Format: uuid
             * @description A Ready agent of your teams.
             */
            agentId?: string | null;
        };
        /**
         * @description Switch the running session to another mode (same device leg, no new call).
         * @example {
         *       "mode": "Whisper"
         *     }
         */
        "Api.Supervision.MonitoringModeRequest": {
            /** @description `Monitor`, `Whisper`, `Barge` or `TakeOver`. */
            mode?: string | null;
        };
        /**
         * @description Moves a waiting call to another skill group.
         * @example {
         *       "skillGroupId": "0d6c2f8e-91a4-4d7e-b1b5-5c2f1e9a7d30"
         *     }
         */
        "Api.Supervision.MoveWaitingCallRequest": {
            /**
             * Format: uuid
             * @description The group the call goes to (one of your groups, not the one it waits in).
             */
            skillGroupId?: string | null;
        };
        /**
         * @description Start monitoring an agent's call.
         * @example {
         *       "agentId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11",
         *       "mode": "Monitor"
         *     }
         */
        "Api.Supervision.StartMonitoringRequest": {
            /**
             * Format: uuid
             * @description The agent whose call to monitor (an agent of one of your teams).
             */
            agentId?: string | null;
            /** @description `Monitor` (silent), `Whisper` (only the agent hears you), `Barge` (both hear you) or `TakeOver` (you keep the customer). */
            mode?: string | null;
        };
        /**
         * @description A new wallboard key.
         * @example {
         *       "name": "Floor 2 screen",
         *       "skillGroupIds": [
         *         "0d6c2f8e-91a4-4d7e-b1b5-5c2f1e9a7d30"
         *       ]
         *     }
         */
        "Api.Wallboards.CreateWallboardKeyRequest": {
            /** @description Where the screen hangs or what it is for (1–100 characters). */
            name?: string | null;
            /** @description The skill groups it shows (one or more of the tenant's). */
            skillGroupIds?: string[] | null;
        };
        /**
         * @description What a wall screen shows: the key's name and its skill groups' live figures, by name. Waiting callers' numbers are left
         *     out (`callers` is null): a wall screen is seen by everyone in the room.
         */
        "Api.Wallboards.WallboardView": {
            /** @description The key's name. */
            name?: string;
            /** @description The chosen groups' figures (waiting, longest wait, agents by state, today's figures and service level). */
            skillGroups?: components["schemas"]["Application.Events.SkillGroupStats"][];
        };
        /** @description A created endpoint with its signing secret, shown this once. */
        "Api.Webhooks.CreatedWebhook": {
            endpoint?: components["schemas"]["Application.Persistence.WebhookEndpointInfo"];
            secret?: string;
        };
        /**
         * @description Create or edit a webhook endpoint.
         * @example {
         *       "url": "https://crm.example.com/cti-events",
         *       "eventTypes": [
         *         "callOffered",
         *         "callEnded"
         *       ]
         *     }
         */
        "Api.Webhooks.WebhookRequest": {
            /** @description The HTTPS URL that receives the events (http only when `Webhooks:AllowHttp` is set). */
            url?: string | null;
            /** @description Event types to send (agentStateChanged, callOffered, callStateChanged, participantsChanged, callEnded); empty = all. */
            eventTypes?: string[] | null;
            enabled?: boolean;
        };
        /**
         * @description How an agent works calls.
         * @example {
         *       "extension": "1007",
         *       "extensionKind": "Sip",
         *       "wrapUpSeconds": 30,
         *       "acwMode": "AfterAnswered",
         *       "workingMode": "Inbound",
         *       "autoAnswer": false,
         *       "hotDesking": true
         *     }
         */
        "Application.Admin.AgentProfileModel": {
            /** @description Extension, 2–20 digits, unique in the tenant. */
            extension?: string | null;
            extensionKind?: components["schemas"]["Domain.Tenants.ExtensionKind"];
            /** @description New IVR PIN (4–8 digits); omit to keep the current one. Never returned. */
            ivrPin?: string | null;
            /**
             * Format: int32
             * @description Wrap-up seconds; null = the tenant default.
             */
            wrapUpSeconds?: number | null;
            acwMode?: components["schemas"]["Domain.Tenants.AcwMode"];
            workingMode?: components["schemas"]["Domain.Tenants.WorkingMode"];
            autoAnswer?: boolean;
            /** @description Remote agents: number called for each offer. */
            mobileNumber?: string | null;
            hotDesking?: boolean;
        };
        /** @description An agent profile as returned (the PIN is only reported as set or not). */
        "Application.Admin.AgentProfileResponse": {
            extension?: string;
            extensionKind?: components["schemas"]["Domain.Tenants.ExtensionKind"];
            hasIvrPin?: boolean;
            /** Format: int32 */
            wrapUpSeconds?: number | null;
            acwMode?: components["schemas"]["Domain.Tenants.AcwMode"];
            workingMode?: components["schemas"]["Domain.Tenants.WorkingMode"];
            autoAnswer?: boolean;
            mobileNumber?: string | null;
            hotDesking?: boolean;
        };
        /**
         * @description Add a number to the blocklist.
         * @example {
         *       "number": "+4930555999",
         *       "direction": "Inbound",
         *       "note": "Repeated abusive calls"
         *     }
         */
        "Application.Admin.BlockedNumberRequest": {
            /** @description Digits with an optional leading +. */
            number?: string | null;
            direction?: components["schemas"]["Data.Entities.BlockDirection"];
            note?: string | null;
        };
        /** @description A blocked number. */
        "Application.Admin.BlockedNumberResponse": {
            /** Format: uuid */
            id?: string;
            number?: string;
            direction?: components["schemas"]["Data.Entities.BlockDirection"];
            note?: string | null;
            /** Format: date-time */
            createdAt?: string;
        };
        /**
         * @description Create a tenant with its first admin user.
         * @example {
         *       "domain": "acme",
         *       "name": "Acme Support",
         *       "adminUsername": "boss",
         *       "adminPassword": "Lantern-Fjord-2026"
         *     }
         */
        "Application.Admin.CreateTenantRequest": {
            /** @description Login domain: lower-case letters, digits, hyphens. */
            domain?: string | null;
            name?: string | null;
            settings?: components["schemas"]["Application.Admin.TenantSettingsModel"] | null;
            /** @description Username of the tenant's first admin. */
            adminUsername?: string | null;
            /** @description Password of the first admin (the password rule applies). */
            adminPassword?: string | null;
            /** @description The Asterisk server the tenant runs on (a configured name; empty or absent = `default`). */
            asteriskServer?: string | null;
        };
        /**
         * @description Create a user.
         * @example {
         *       "username": "maria",
         *       "email": "maria@acme.example",
         *       "agentNumber": "1007",
         *       "displayName": "Maria Lopez",
         *       "roles": [
         *         "agent"
         *       ],
         *       "password": "Copper-Kettle-2026",
         *       "enabled": true,
         *       "agentProfile": {
         *         "extension": "1007",
         *         "extensionKind": "Web",
         *         "wrapUpSeconds": 30
         *       }
         *     }
         */
        "Application.Admin.CreateUserRequest": {
            username?: string | null;
            email?: string | null;
            /** @description 2–20 digits; agents type it at IVR login. */
            agentNumber?: string | null;
            displayName?: string | null;
            /** @description Any of `agent`, `supervisor`, `admin`. */
            roles?: string[] | null;
            /** @description Initial password (the password rule applies). */
            password?: string | null;
            enabled?: boolean;
            agentProfile?: components["schemas"]["Application.Admin.AgentProfileModel"] | null;
        };
        /**
         * @description Agents to create from a CSV file.
         * @example {
         *       "csv": "username,displayName,agentNumber,password,extensionKind,extension\nmaria,Maria Lopez,1007,Copper-Kettle-2026,Web,1007\n"
         *     }
         */
        "Application.Admin.ImportAgentsRequest": {
            /**
             * @description The CSV text: a header row, then one agent per row. Columns by header name (any order, any case):
             *     `username`, `displayName`, `password`, `extension` (required), `email`, `agentNumber`,
             *     `extensionKind` (`Web`, `Sip` or `Remote`; `Web` when empty), and for remote agents
             *     `mobileNumber` (also headed `mobile` or `phone`: the number their calls are put through to; empty: the
             *     number they log in from with `*64`) and `ivrPin` (4–8 digits, for `*64`). A mobile number or PIN on a
             *     row that is not a remote agent is refused. Comma or semicolon separated.
             */
            csv?: string | null;
        };
        /** @description The agents created, in file order. */
        "Application.Admin.ImportAgentsResponse": {
            /** Format: int32 */
            created?: number;
            users?: components["schemas"]["Application.Admin.UserResponse"][];
        };
        /**
         * @description Create or edit a pause reason. System reasons accept a new name and enabled flag only.
         * @example {
         *       "code": 4,
         *       "name": "Training",
         *       "enabled": true
         *     }
         */
        "Application.Admin.PauseReasonRequest": {
            /**
             * Format: int32
             * @description The IVR digit (1–9) remote agents press after *66.
             */
            code?: number | null;
            name?: string | null;
            enabled?: boolean;
        };
        /** @description A pause (Not Ready) reason. */
        "Application.Admin.PauseReasonResponse": {
            /** Format: uuid */
            id?: string;
            /** Format: int32 */
            code?: number | null;
            name?: string;
            isSystem?: boolean;
            systemKey?: string | null;
            enabled?: boolean;
        };
        /**
         * @description Create or edit a phone.
         * @example {
         *       "extension": "1007",
         *       "endpointName": "acme-1007",
         *       "description": "Desk 7, second floor",
         *       "hotDesk": false
         *     }
         */
        "Application.Admin.PhoneRequest": {
            /** @description The phone's extension (2–20 digits). */
            extension?: string | null;
            /**
             * @description Name of the phone's PJSIP endpoint; CtiBridge puts the tenant's domain in front (`lobby` → `acme-lobby`;
             *     a name that already starts with `<domain>-` is kept). Defaults to the extension: `<domain>-<extension>`.
             *     Endpoint names are unique across all tenants of the PBX (409 `endpoint_taken`).
             */
            endpointName?: string | null;
            description?: string | null;
            /** @description Any hot-desking agent may sign in on it. */
            hotDesk?: boolean;
        };
        /** @description A SIP phone. */
        "Application.Admin.PhoneResponse": {
            /** Format: uuid */
            id?: string;
            endpointName?: string;
            extension?: string;
            description?: string | null;
            hotDesk?: boolean;
            sipCredentials?: components["schemas"]["Application.Provisioning.PhoneSipCredentials"] | null;
        };
        /**
         * @description An admin sets a user's password.
         * @example {
         *       "password": "Copper-Kettle-2026"
         *     }
         */
        "Application.Admin.SetPasswordRequest": {
            password?: string | null;
        };
        /** @description One agent's membership in a skill group. Lower priority is offered calls first. */
        "Application.Admin.SkillGroupMemberModel": {
            /** Format: uuid */
            userId?: string;
            /**
             * Format: int32
             * @description 1–100; 1 is offered first.
             */
            priority?: number;
        };
        /**
         * @description Set one member's priority (adds the member when absent).
         * @example {
         *       "priority": 2
         *     }
         */
        "Application.Admin.SkillGroupMemberPriorityRequest": {
            /** Format: int32 */
            priority?: number;
        };
        /**
         * @description Replace the members of a skill group.
         * @example {
         *       "members": [
         *         {
         *           "userId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11",
         *           "priority": 1
         *         },
         *         {
         *           "userId": "0f8fad5b-d9cb-469f-a165-70867728950e",
         *           "priority": 2
         *         }
         *       ]
         *     }
         */
        "Application.Admin.SkillGroupMembersRequest": {
            members?: components["schemas"]["Application.Admin.SkillGroupMemberModel"][] | null;
        };
        /**
         * @description Create or replace a skill group's settings (members are managed separately).
         * @example {
         *       "name": "Sales",
         *       "number": "500",
         *       "maxWaitSeconds": 300,
         *       "announcePosition": true,
         *       "announceIntervalSeconds": 45,
         *       "ringTimeoutSeconds": 15,
         *       "serviceLevelSeconds": 20,
         *       "noAgentRule": "KeepWaiting",
         *       "musicOnHoldClass": "default"
         *     }
         */
        "Application.Admin.SkillGroupRequest": {
            name?: string | null;
            number?: string | null;
            /** Format: int32 */
            maxWaitSeconds?: number | null;
            /** Format: uuid */
            overflowSkillGroupId?: string | null;
            overflowDestination?: string | null;
            announcePosition?: boolean;
            /** Format: int32 */
            announceIntervalSeconds?: number;
            /** Format: int32 */
            ringTimeoutSeconds?: number;
            /**
             * Format: int32
             * @description Service-level threshold for reports: answered within this many seconds of waiting (1–3600, default 20; docs/reports.md).
             */
            serviceLevelSeconds?: number;
            noAgentRule?: components["schemas"]["Domain.Tenants.NoAgentRule"];
            fallbackDestination?: string | null;
            businessHours?: components["schemas"]["Data.Entities.BusinessHours"] | null;
            closedDestination?: string | null;
            musicOnHoldClass?: string | null;
        };
        /** @description A skill group (queue). */
        "Application.Admin.SkillGroupResponse": {
            /** Format: uuid */
            id?: string;
            name?: string;
            number?: string | null;
            /** Format: int32 */
            maxWaitSeconds?: number | null;
            /** Format: uuid */
            overflowSkillGroupId?: string | null;
            overflowDestination?: string | null;
            announcePosition?: boolean;
            /** Format: int32 */
            announceIntervalSeconds?: number;
            /** Format: int32 */
            ringTimeoutSeconds?: number;
            noAgentRule?: components["schemas"]["Domain.Tenants.NoAgentRule"];
            fallbackDestination?: string | null;
            businessHours?: components["schemas"]["Data.Entities.BusinessHours"] | null;
            closedDestination?: string | null;
            musicOnHoldClass?: string | null;
            members?: components["schemas"]["Application.Admin.SkillGroupMemberModel"][];
            /** Format: int32 */
            serviceLevelSeconds?: number;
        };
        /**
         * @description A supervisor's own device for monitoring calls: the PJSIP endpoint `<tenant>-<extension>`, provisioned like
         *     an agent's extension (Web: the browser softphone; Sip: a desk phone or softphone app). Monitoring rings it with auto-answer.
         * @example {
         *       "extension": "2901",
         *       "extensionKind": "Sip"
         *     }
         */
        "Application.Admin.SupervisorDeviceModel": {
            /** @description 2–20 digits, unique in the tenant among agents' and supervisors' extensions. */
            extension?: string | null;
            extensionKind?: components["schemas"]["Domain.Tenants.ExtensionKind"];
        };
        /**
         * @description Create or replace a team.
         * @example {
         *       "name": "Team North",
         *       "supervisorIds": [
         *         "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11"
         *       ],
         *       "memberIds": [
         *         "0f8fad5b-d9cb-469f-a165-70867728950e"
         *       ],
         *       "monitoringModes": [
         *         "Monitor",
         *         "Whisper",
         *         "Barge"
         *       ]
         *     }
         */
        "Application.Admin.TeamRequest": {
            name?: string | null;
            /** @description Users with the supervisor (or admin) role. */
            supervisorIds?: string[] | null;
            /** @description Users of the tenant (usually agents). */
            memberIds?: string[] | null;
            /**
             * @description What the team's supervisors may do on its agents' calls (any of `Monitor`, `Whisper`, `Barge`,
             *     `TakeOver`; empty: nothing). Omitted: a new team gets Monitor, Whisper and Barge; an existing one keeps its modes.
             */
            monitoringModes?: components["schemas"]["Domain.Supervision.MonitoringMode"][] | null;
        };
        /** @description A team: supervisors who lead it and its agents. */
        "Application.Admin.TeamResponse": {
            /** Format: uuid */
            id?: string;
            name?: string;
            supervisorIds?: string[];
            memberIds?: string[];
            /** @description What the team's supervisors may do on its agents' calls: `Monitor`, `Whisper`, `Barge`, `TakeOver`. */
            monitoringModes?: components["schemas"]["Domain.Supervision.MonitoringMode"][] | null;
        };
        /** @description A tenant. */
        "Application.Admin.TenantResponse": {
            /** Format: uuid */
            id?: string;
            domain?: string;
            name?: string;
            enabled?: boolean;
            /** Format: date-time */
            createdAt?: string;
            settings?: components["schemas"]["Application.Admin.TenantSettingsModel"];
            /**
             * @description The Asterisk server the tenant runs on: `default` (the server of `Asterisk:Ari`) or a name under
             *     `Asterisk:Servers` (docs/architecture.md, "Several Asterisk servers"). Set by platform admins.
             */
            asteriskServer?: string;
        };
        /** @description A tenant's behaviour settings. */
        "Application.Admin.TenantSettingsModel": {
            notificationsEnabled?: boolean;
            /** @description Caller numbers shown to agents: `keep-last:N` or `keep-first:N` (N 0–20; the other characters become `*`), or empty / `none` for no masking. */
            numberMaskingRule?: string | null;
            /** @description Up to 10 attached-data key names. */
            attachedDataKeys?: string[] | null;
            defaultMusicOnHoldClass?: string | null;
            recordingPolicy?: components["schemas"]["Domain.Tenants.RecordingPolicy"];
            directCallsRequireReady?: boolean;
            /** @description Agents must go Not Ready before dialling out (a Ready agent's dial is refused with `invalid_state_transition`). */
            outboundRequiresNotReady?: boolean;
            deviceUnavailableAutoReturn?: boolean;
            noAgentRule?: components["schemas"]["Domain.Tenants.NoAgentRule"];
            /** Format: int32 */
            wrapUpDefaultSeconds?: number;
            /**
             * @description Passwords must also contain a letter, a digit and a symbol (besides the length, common-password and
             *     username rules that always apply). Off by default: NIST SP 800-63B advises against such rules.
             */
            requirePasswordCharacterClasses?: boolean;
            /** @description Agents may switch auto-answer themselves (`PUT /agent/auto-answer`); admins set it in the agent's profile anyway. */
            agentsMayChooseAutoAnswer?: boolean;
            /**
             * @description Supervision: the monitored agent and customer hear a beep when a supervisor starts monitoring or changes mode, and the
             *     agent receives the monitoring events. Off by default (silent monitoring stays silent).
             */
            tellMonitoredParties?: boolean;
            /**
             * @description The sound the monitored parties hear when they are told: a sound file name Asterisk has, without extension
             *     (letters, digits, `_`, `-` and `/` for a folder under Asterisk's sounds; default `beep`).
             */
            monitoringNoticeSound?: string | null;
            /**
             * Format: int32
             * @description Recordings and call records are deleted after this many days (0 = kept forever; legal holds are kept). docs/reports.md.
             */
            recordingRetentionDays?: number;
            /**
             * @description ISO 3166 alpha-2 country (e.g. `DE`) used to read contacts' and callers' numbers written without a country
             *     code into E.164 (docs/contacts.md); empty = only numbers with `+` and a country code are understood.
             */
            country?: string | null;
            /**
             * @description Third-party screen pop: an http(s) URL with a fixed host and the variables `{number}`, `{callId}`,
             *     `{agent}`, `{data.KEY}` (values URL-encoded), opened for the agent when a call is offered or answered;
             *     empty = off. Refused with `screen_pop_url_invalid` (e.g. `javascript:`). docs/contacts.md.
             * @example https://crm.example.com/pop?number={number}&order={data.orderId}
             */
            screenPopUrlTemplate?: string | null;
            screenPopTrigger?: components["schemas"]["Data.Entities.ScreenPopTrigger"];
            screenPopTarget?: components["schemas"]["Data.Entities.ScreenPopTarget"];
            /**
             * @description The tenant's IANA time zone (e.g. `Europe/Berlin`; default `UTC`): times are stored in UTC and shown, or entered without an offset, in this zone (docs/callbacks.md).
             * @example Europe/Berlin
             */
            timeZone?: string | null;
            /**
             * Format: int32
             * @description Callbacks: how long a due reminder waits for the agent to act before it is escalated (30–86400 seconds, default 300).
             */
            callbackReminderTimeoutSeconds?: number;
            callbackEscalation?: components["schemas"]["Data.Entities.CallbackEscalation"];
        };
        /**
         * @description Edit a tenant's name, settings and (platform admins only) whether it is enabled.
         * @example {
         *       "name": "Acme Support",
         *       "enabled": true
         *     }
         */
        "Application.Admin.UpdateTenantRequest": {
            name?: string | null;
            /** @description Ignored when an admin edits their own tenant. */
            enabled?: boolean;
            settings?: components["schemas"]["Application.Admin.TenantSettingsModel"] | null;
            /**
             * @description The Asterisk server the tenant runs on (platform admins; ignored when an admin edits their own tenant); absent =
             *     unchanged, `default` = the default server. A move takes effect when the tenant is next loaded (a restart of
             *     the node acting for it, or a takeover): its calls in progress stay on the server they are on.
             */
            asteriskServer?: string | null;
        };
        /**
         * @description Edit a user (the username cannot change).
         * @example {
         *       "email": "maria@acme.example",
         *       "agentNumber": "1007",
         *       "displayName": "Maria Lopez",
         *       "roles": [
         *         "agent",
         *         "supervisor"
         *       ],
         *       "enabled": true
         *     }
         */
        "Application.Admin.UpdateUserRequest": {
            email?: string | null;
            agentNumber?: string | null;
            displayName?: string | null;
            roles?: string[] | null;
            enabled?: boolean;
        };
        /** @description A user as admins see it (never the password hash). */
        "Application.Admin.UserResponse": {
            /** Format: uuid */
            id?: string;
            username?: string;
            email?: string | null;
            agentNumber?: string | null;
            displayName?: string;
            roles?: string[];
            enabled?: boolean;
            /** Format: date-time */
            lockedUntil?: string | null;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            lastLoginAt?: string | null;
            agentProfile?: components["schemas"]["Application.Admin.AgentProfileResponse"] | null;
            supervisorDevice?: components["schemas"]["Application.Admin.SupervisorDeviceModel"] | null;
        };
        /** @description One audit entry as admins read it. `before`/`after` are JSON objects of the target's columns (secrets as `***`). */
        "Application.Audit.AuditEntryResponse": {
            /** Format: uuid */
            id?: string;
            /** Format: date-time */
            at?: string;
            actorType?: components["schemas"]["Data.Audit.AuditActorType"];
            /** Format: uuid */
            actorId?: string | null;
            actorName?: string | null;
            action?: string;
            targetType?: string;
            targetId?: string | null;
            ipAddress?: string | null;
            before?: string | null;
            after?: string | null;
        };
        /** @description A page of audit entries and the number of entries matching the filters. */
        "Application.Audit.AuditLogPage": {
            items?: components["schemas"]["Application.Audit.AuditEntryResponse"][];
            /** Format: int32 */
            page?: number;
            /** Format: int32 */
            pageSize?: number;
            /** Format: int32 */
            total?: number;
        };
        /**
         * @description Change the signed-in user's password.
         * @example {
         *       "currentPassword": "Copper-Kettle-2026",
         *       "newPassword": "Lantern-Fjord-2026"
         *     }
         */
        "Application.Auth.ChangePasswordRequest": {
            currentPassword?: string | null;
            newPassword?: string | null;
        };
        /**
         * @description Sign-in request.
         * @example {
         *       "domain": "demo",
         *       "login": "agent1",
         *       "password": "Quiet-Harbor-2026"
         *     }
         */
        "Application.Auth.LoginRequest": {
            /** @description The tenant domain (e.g. `demo`). */
            domain?: string | null;
            /** @description Username, agent number or email. */
            login?: string | null;
            password?: string | null;
            /**
             * @description Browser apps: true to receive the refresh token as an HttpOnly cookie (`cti_refresh`, sent only to
             *     `POST /api/v1/session/refresh`) instead of in the body, where scripts could read it.
             */
            refreshTokenAsCookie?: boolean;
        };
        /**
         * @description The signed-in user. CtiBridge.Application.Auth.MeResponse.NotificationsEnabled: her tenant's switch for desktop notifications of incoming calls
         *     (tenant settings); the web app shows none when it is off.
         */
        "Application.Auth.MeResponse": {
            /** Format: uuid */
            userId?: string;
            /** Format: uuid */
            tenantId?: string;
            tenantDomain?: string;
            username?: string;
            displayName?: string;
            email?: string | null;
            agentNumber?: string | null;
            roles?: string[];
            isPlatformAdmin?: boolean;
            extension?: string | null;
            notificationsEnabled?: boolean;
        };
        /**
         * @description Exchange a refresh token for a new session.
         * @example {
         *       "refreshToken": "q3Z1x2…"
         *     }
         */
        "Application.Auth.RefreshRequest": {
            /** @description The refresh token; omit it when it was issued as the `cti_refresh` cookie. */
            refreshToken?: string | null;
        };
        /**
         * @description A signed-in session: bearer access token (REST and SignalR) and a refresh token (null when it was set as
         *     the `cti_refresh` cookie instead).
         */
        "Application.Auth.SessionResponse": {
            accessToken?: string;
            /** Format: date-time */
            accessTokenExpiresAt?: string;
            refreshToken?: string | null;
            /** Format: date-time */
            refreshTokenExpiresAt?: string;
            user?: components["schemas"]["Application.Auth.MeResponse"];
            /** @description Always `Bearer`. */
            readonly tokenType?: string;
        };
        /** @description The id of the call dialled for a callback. */
        "Application.Callbacks.CallbackDialResponse": {
            /** Format: uuid */
            callId?: string;
            callback?: components["schemas"]["Application.Callbacks.CallbackView"];
        };
        /**
         * @description A callback is due: the toolbar shows a reminder with one click to dial. To its agent, or (for a skill group's callback,
         *     or one offered to the group on escalation, CtiBridge.Application.Callbacks.CallbackDueEvent.OfferedToGroup) to the group's logged-in agents.
         */
        "Application.Callbacks.CallbackDueEvent": {
            /** Format: uuid */
            tenantId?: string;
            callback?: components["schemas"]["Application.Callbacks.CallbackView"];
            readonly agents?: string[];
            offeredToGroup?: boolean;
            readonly name?: string;
        };
        /** @description A due callback was not taken in time (or its agent is offline): to the supervisors of its team, who may reassign it. */
        "Application.Callbacks.CallbackEscalatedEvent": {
            /** Format: uuid */
            tenantId?: string;
            callback?: components["schemas"]["Application.Callbacks.CallbackView"];
            readonly agents?: string[];
            reason?: components["schemas"]["Application.Callbacks.CallbackEscalationReason"];
            readonly name?: string;
        };
        /**
         * @description Why a callback was escalated.
         * @enum {string}
         */
        "Application.Callbacks.CallbackEscalationReason": "AgentOffline" | "NoAction" | "NobodyInGroup";
        /**
         * @description Which callbacks a list shows.
         * @enum {string}
         */
        "Application.Callbacks.CallbackScope": "Mine" | "Team";
        /** @description A callback changed (scheduled, snoozed, rescheduled, dialled, completed, cancelled, reassigned): to whoever has it, so a reminder for it goes away. */
        "Application.Callbacks.CallbackUpdatedEvent": {
            /** Format: uuid */
            tenantId?: string;
            callback?: components["schemas"]["Application.Callbacks.CallbackView"];
            readonly agents?: string[];
            readonly name?: string;
        };
        /**
         * @description A callback. Times are UTC (`dueAt`, …) and, for display, in the tenant's time zone (`dueAtLocal`,
         *     ISO 8601 with the zone's offset at that instant).
         */
        "Application.Callbacks.CallbackView": {
            /**
             * Format: uuid
             * @description The callback.
             */
            id?: string;
            status?: components["schemas"]["Data.Entities.CallbackStatus"];
            /** @description The number to dial (E.164 when it could be read with the tenant's country). */
            number?: string;
            /**
             * Format: uuid
             * @description The contact, if any.
             */
            contactId?: string | null;
            /** @description The contact's name. */
            contactName?: string | null;
            /**
             * Format: date-time
             * @description When it is due (UTC).
             */
            dueAt?: string;
            /** @description The same instant in the tenant's time zone. */
            dueAtLocal?: string;
            /** @description The tenant's IANA time zone. */
            timeZone?: string;
            /** @description The note. */
            note?: string | null;
            /**
             * Format: uuid
             * @description The agent who calls back; null: any agent of the skill group.
             */
            agentId?: string | null;
            /** @description That agent's name. */
            agentName?: string | null;
            /**
             * Format: uuid
             * @description The skill group.
             */
            skillGroupId?: string | null;
            /** @description Its name. */
            skillGroupName?: string | null;
            /**
             * Format: uuid
             * @description The team whose supervisors see it.
             */
            teamId?: string | null;
            /**
             * Format: uuid
             * @description Who scheduled it (null: an API key).
             */
            createdById?: string | null;
            /**
             * Format: date-time
             * @description When it was scheduled (UTC).
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description When its reminder went out for this due time (UTC; null: not yet).
             */
            reminderSentAt?: string | null;
            /**
             * Format: date-time
             * @description When it was escalated (UTC; null: not).
             */
            escalatedAt?: string | null;
            /**
             * Format: date-time
             * @description When it was completed or cancelled (UTC).
             */
            completedAt?: string | null;
            /** @description The result (or the reason it was cancelled). */
            result?: string | null;
            /**
             * Format: uuid
             * @description The last call dialled for it.
             */
            callId?: string | null;
        };
        /**
         * @description Cancel a callback.
         * @example {
         *       "reason": "Customer called in"
         *     }
         */
        "Application.Callbacks.CancelCallbackRequest": {
            /** @description Optional, up to 200 characters (kept as the result). */
            reason?: string | null;
        };
        /**
         * @description Complete a callback with its result.
         * @example {
         *       "result": "Reached, order placed"
         *     }
         */
        "Application.Callbacks.CompleteCallbackRequest": {
            /** @description Required, up to 200 characters. */
            result?: string | null;
        };
        /**
         * @description Give a callback to another agent of the supervisor's teams, or to a skill group (exactly one).
         * @example {
         *       "agentId": "7a1e…"
         *     }
         */
        "Application.Callbacks.ReassignCallbackRequest": {
            /**
             * Format: uuid
             * @description The agent who calls back now.
             */
            agentId?: string | null;
            /**
             * Format: uuid
             * @description The skill group whose agents are reminded now (the callback has no agent any more).
             */
            skillGroupId?: string | null;
        };
        /**
         * @description Move a callback to another time (and optionally change its note).
         * @example {
         *       "dueAtLocal": "2026-12-08T14:00"
         *     }
         */
        "Application.Callbacks.RescheduleCallbackRequest": {
            /**
             * Format: date-time
             * @description The new due time with an offset.
             */
            dueAt?: string | null;
            /** @description The new due time in the tenant's time zone. */
            dueAtLocal?: string | null;
            /** @description A new note (absent: unchanged). */
            note?: string | null;
        };
        /**
         * @description Schedule a callback. Give the due time as `dueAt` (with an offset) or `dueAtLocal` (the tenant's time zone).
         * @example {
         *       "contactId": "3f0c…",
         *       "number": "+49 30 1234567",
         *       "dueAtLocal": "2026-12-07T10:30",
         *       "note": "Wants the new offer"
         *     }
         */
        "Application.Callbacks.ScheduleCallbackRequest": {
            /**
             * Format: uuid
             * @description The contact to call back (one of this tenant's); its first number is used when `number` is absent.
             */
            contactId?: string | null;
            /** @description The number to dial: digits with optional `+`, spaces, `-`, `/`, `.`, brackets; 3–20 digits. Read with the tenant's country. */
            number?: string | null;
            /**
             * Format: date-time
             * @description When it is due, with an offset (e.g. `2026-12-07T09:30:00Z`); stored in UTC.
             */
            dueAt?: string | null;
            /** @description When it is due, in the tenant's time zone, without an offset (e.g. `2026-12-07T10:30`). */
            dueAtLocal?: string | null;
            /** @description Up to 2000 characters. */
            note?: string | null;
            /**
             * Format: uuid
             * @description The agent who calls back: the caller when absent (agents); another agent of the caller's team (agents and supervisors); any agent (admins, API keys).
             */
            agentId?: string | null;
            /**
             * Format: uuid
             * @description A skill group: with no agent, any logged-in agent of the group is reminded; with an agent, the group it is offered to on escalation.
             */
            skillGroupId?: string | null;
        };
        /**
         * @description Snooze a due callback: it is due again in `minutes` and its reminder fires again.
         * @example {
         *       "minutes": 10
         *     }
         */
        "Application.Callbacks.SnoozeCallbackRequest": {
            /**
             * Format: int32
             * @description 1–1440 minutes.
             */
            minutes?: number | null;
        };
        /** @description A caller ID an agent may present, as the dial pad offers it. */
        "Application.CallerIds.AllowedCallerId": {
            /** @description The number. */
            number?: string;
            /** @description Its label (optional). */
            label?: string | null;
            /** @description The team it belongs to; null: the whole tenant's. */
            teamName?: string | null;
        };
        /**
         * @description Create or edit a caller ID.
         * @example {
         *       "number": "+4930123456",
         *       "label": "Sales hotline",
         *       "teamId": null
         *     }
         */
        "Application.CallerIds.CallerIdRequest": {
            /** @description Optional +, then 2–31 digits. */
            number?: string | null;
            /** @description Up to 100 characters. */
            label?: string | null;
            /**
             * Format: uuid
             * @description A team of the tenant; null or left out: the whole tenant.
             */
            teamId?: string | null;
        };
        /** @description A caller ID number agents may present on outbound calls. */
        "Application.CallerIds.CallerIdView": {
            /**
             * Format: uuid
             * @description Its id.
             */
            id?: string;
            /** @description The number presented (optional +, then digits). */
            number?: string;
            /** @description What agents read in the dial pad (optional). */
            label?: string | null;
            /**
             * Format: uuid
             * @description Only this team's agents may present it; null: every agent of the tenant.
             */
            teamId?: string | null;
            /** @description The team's name. */
            teamName?: string | null;
        };
        /** @description One number of a contact, as sent. */
        "Application.Contacts.ContactNumberInput": {
            /** @description e.g. `mobile`, `work` (optional, up to 32 characters). */
            label?: string | null;
            /** @description The number as written (`+49 30 1234567`, `030 1234567` with the tenant's country); up to 32 characters, at least one digit. */
            number?: string | null;
        };
        /** @description One number of a contact. */
        "Application.Contacts.ContactNumberResponse": {
            /** @description e.g. `mobile`. */
            label?: string | null;
            /** @description As given. */
            number?: string;
            /** @description The number in E.164; null when it could not be parsed. */
            e164?: string | null;
            /** @description Flag: the number could not be parsed with the tenant's country and is kept as given. */
            unparsable?: boolean;
        };
        /** @description A page of contacts, by name. */
        "Application.Contacts.ContactPage": {
            /** @description The contacts of the page. */
            items?: components["schemas"]["Application.Contacts.ContactResponse"][];
            /**
             * Format: int32
             * @description 1-based page number.
             */
            page?: number;
            /**
             * Format: int32
             * @description Contacts per page.
             */
            pageSize?: number;
            /** @description A further page exists. */
            hasMore?: boolean;
        };
        /**
         * @description Create or edit a contact (an edit replaces every field and the numbers).
         * @example {
         *       "name": "Jonas Berg",
         *       "company": "Berg Tools",
         *       "notes": "Prefers calls after 2 pm.",
         *       "numbers": [
         *         {
         *           "label": "mobile",
         *           "number": "+491701234567"
         *         }
         *       ]
         *     }
         */
        "Application.Contacts.ContactRequest": {
            /** @description Required, up to 200 characters. */
            name?: string | null;
            /** @description Up to 200 characters. */
            company?: string | null;
            /** @description Up to 2000 characters. */
            notes?: string | null;
            /** @description Up to 10 labelled numbers. */
            numbers?: components["schemas"]["Application.Contacts.ContactNumberInput"][] | null;
            /**
             * Format: uuid
             * @description The owning agent; absent: the caller on create, unchanged on edit. Agents may only name themselves; supervisors an agent of their teams.
             */
            ownerId?: string | null;
            /**
             * Format: uuid
             * @description The team whose supervisors see the contact; absent: the owner's team on create, unchanged on edit. Supervisors: one of their teams.
             */
            teamId?: string | null;
        };
        /** @description A contact. */
        "Application.Contacts.ContactResponse": {
            /** Format: uuid */
            id?: string;
            name?: string;
            company?: string | null;
            notes?: string | null;
            numbers?: components["schemas"]["Application.Contacts.ContactNumberResponse"][];
            /** Format: uuid */
            ownerId?: string | null;
            ownerName?: string | null;
            /** Format: uuid */
            teamId?: string | null;
            teamName?: string | null;
            /** Format: date-time */
            createdAt?: string;
        };
        /**
         * @description Contacts to create from a CSV file.
         * @example {
         *       "csv": "name,company,numbers\nJonas Berg,Berg Tools,mobile: +491701234567; work: +4930123456\n"
         *     }
         */
        "Application.Contacts.ImportContactsRequest": {
            /**
             * @description The CSV text: a header row, then one contact per row. Columns by header name (any order, any case): `name`
             *     (required), `company`, `notes`, `numbers` (`label: number` pairs separated by `;` or
             *     `|`, e.g. `mobile: +49 151 2345678; work: 030 1234567`), `owner` (username), `team` (team name).
             *     Comma, semicolon or tab separated — the format the export writes.
             */
            csv?: string | null;
        };
        /** @description The contacts created, in file order. */
        "Application.Contacts.ImportContactsResponse": {
            /** Format: int32 */
            created?: number;
            contacts?: components["schemas"]["Application.Contacts.ContactResponse"][];
        };
        /**
         * @description What the agent's offer banner shows before answering: the contacts the agent sees whose number is the caller's, the
         *     last calls with that number, and the third-party page of the tenant's screen pop template (docs/contacts.md).
         */
        "Application.Contacts.ScreenPop": {
            /** @description The caller's number in E.164 (to save a new contact from the call); null when the tenant masks numbers. */
            number?: string | null;
            /** @description Matching contacts (at most 3; empty: the banner offers to save a new contact). */
            contacts?: components["schemas"]["Application.Contacts.ScreenPopContact"][];
            /** @description The last calls with the number (at most 5, newest first), as the records show them to the agent. */
            recentCalls?: components["schemas"]["Application.Contacts.ScreenPopCall"][];
            /** @description The tenant's screen pop URL filled in with this call (values URL-encoded); null when none is set. */
            thirdPartyUrl?: string | null;
            thirdPartyTrigger?: components["schemas"]["Data.Entities.ScreenPopTrigger"];
            thirdPartyTarget?: components["schemas"]["Data.Entities.ScreenPopTarget"];
        };
        /** @description One of the last calls with the caller, from the call records the agent may read. */
        "Application.Contacts.ScreenPopCall": {
            /** Format: uuid */
            callId?: string;
            /** Format: date-time */
            offeredAt?: string;
            direction?: components["schemas"]["Domain.Calls.CallDirection"];
            outcome?: components["schemas"]["Data.Entities.CallOutcome"];
            /** Format: int32 */
            talkSeconds?: number;
            agentName?: string | null;
        };
        /** @description A contact matched by the caller's number. */
        "Application.Contacts.ScreenPopContact": {
            /**
             * Format: uuid
             * @description The contact.
             */
            contactId?: string;
            /** @description Its name. */
            name?: string;
            /** @description Its company. */
            company?: string | null;
            /** @description The label of the number that matched (e.g. `mobile`). */
            numberLabel?: string | null;
        };
        /**
         * @description Create a dial task. Contacts come from any mix of `contactIds`, `contactSearch` and `csv` (each contact
         *     once; its first number is dialled). Days and times are in the tenant's time zone.
         * @example {
         *       "name": "Winter offer",
         *       "teamId": "…",
         *       "contactSearch": "ACME",
         *       "firstDay": "2026-12-07",
         *       "lastDay": "2026-12-18",
         *       "dailyStart": "09:00",
         *       "dailyEnd": "17:30",
         *       "busyRetries": 2,
         *       "busyRetryMinutes": 10,
         *       "noAnswerRetries": 3,
         *       "noAnswerRetryMinutes": 60,
         *       "callerId": "+4930100"
         *     }
         */
        "Application.DialTasks.CreateDialTaskRequest": {
            /** @description Up to 100 characters. */
            name?: string | null;
            /**
             * Format: uuid
             * @description The team whose supervisors manage the task (a supervisor: one she leads; absent: her first team). Its agents work the task unless `agentIds` names some.
             */
            teamId?: string | null;
            /** @description The agents who work the task (each of a team the supervisor leads); absent or empty: every agent of the team. */
            agentIds?: string[] | null;
            /** @description Contacts picked by id (each one the supervisor sees in the contact book; another tenant's is `contact_not_found`). */
            contactIds?: string[] | null;
            /** @description Every contact the supervisor sees that matches this search (as `GET /contacts?search=`), at most 10,000. */
            contactSearch?: string | null;
            /** @description Contacts as CSV, imported into the contact book first (the format of `POST /contacts/import`; all rows or none). */
            csv?: string | null;
            /** @description The first day, `yyyy-MM-dd`. */
            firstDay?: string | null;
            /** @description The last day, `yyyy-MM-dd` (not before the first, at most 366 days after it). */
            lastDay?: string | null;
            /** @description The daily window's start, `HH:mm`. */
            dailyStart?: string | null;
            /** @description The daily window's end, `HH:mm`, later than its start (no window across midnight). */
            dailyEnd?: string | null;
            /**
             * Format: int32
             * @description How often a busy number is tried again (0–10, default 0).
             */
            busyRetries?: number | null;
            /**
             * Format: int32
             * @description Minutes between a busy attempt and its retry (1–10080, default 15).
             */
            busyRetryMinutes?: number | null;
            /**
             * Format: int32
             * @description How often a number that did not answer is tried again (0–10, default 0).
             */
            noAnswerRetries?: number | null;
            /**
             * Format: int32
             * @description Minutes between an unanswered attempt and its retry (1–10080, default 60).
             */
            noAnswerRetryMinutes?: number | null;
            /** @description The caller ID presented: one of the tenant's outbound caller IDs (tenant-wide or the task's team's), else `caller_id_not_allowed`. Absent: the trunk's default. */
            callerId?: string | null;
        };
        /** @description A task's window opened or closed, or it was paused, resumed, completed or cancelled: to its agents (and supervisors). */
        "Application.DialTasks.DialTaskChangedEvent": {
            /** Format: uuid */
            tenantId?: string;
            readonly agents?: string[];
            task?: components["schemas"]["Application.DialTasks.DialTaskView"];
            readonly name?: string;
        };
        /** @description One contact of a task: its number, where it is, its attempts and result. */
        "Application.DialTasks.DialTaskContactView": {
            /** Format: uuid */
            id?: string;
            /** Format: uuid */
            taskId?: string;
            /** Format: int32 */
            position?: number;
            number?: string;
            /** Format: uuid */
            contactId?: string | null;
            contactName?: string | null;
            company?: string | null;
            status?: components["schemas"]["Data.Entities.DialTaskItemStatus"];
            /** Format: int32 */
            attempts?: number;
            /** Format: int32 */
            busyCount?: number;
            /** Format: int32 */
            noAnswerCount?: number;
            lastOutcome?: components["schemas"]["Data.Entities.DialAttemptOutcome"] | null;
            /** Format: date-time */
            lastAttemptAt?: string | null;
            /** Format: date-time */
            nextAttemptAt?: string | null;
            /** Format: uuid */
            claimedById?: string | null;
            /** Format: uuid */
            callId?: string | null;
            /** Format: uuid */
            dispositionId?: string | null;
            result?: string | null;
            remark?: string | null;
            /** Format: date-time */
            completedAt?: string | null;
        };
        /** @description The call dialled for a contact, and the contact. */
        "Application.DialTasks.DialTaskDialResponse": {
            /** Format: uuid */
            callId?: string;
            contact?: components["schemas"]["Application.DialTasks.DialTaskContactView"];
        };
        /**
         * @description The contact offered to the agent (`contact`; null when none is due now), how many contacts remain, and when the
         *     next retry falls due (UTC) if nothing is due now.
         */
        "Application.DialTasks.DialTaskNextResponse": {
            contact?: components["schemas"]["Application.DialTasks.DialTaskContactView"] | null;
            /** Format: int32 */
            remaining?: number;
            /** Format: date-time */
            nextRetryAt?: string | null;
        };
        /**
         * @description A task's progress: `done` (a result set, retries exhausted, or blocked) and `remaining` (pending or being
         *     worked) of `total`, each status's count, and the done contacts by result (`byResult`; those closed without
         *     one — answered, and no result set in time — are counted in `noResult` instead).
         */
        "Application.DialTasks.DialTaskProgress": {
            /** Format: uuid */
            taskId?: string;
            /** Format: int32 */
            total?: number;
            /** Format: int32 */
            done?: number;
            /** Format: int32 */
            remaining?: number;
            /** Format: int32 */
            pending?: number;
            /** Format: int32 */
            retriesWaiting?: number;
            /** Format: int32 */
            claimed?: number;
            /** Format: int32 */
            completed?: number;
            /** Format: int32 */
            exhausted?: number;
            /** Format: int32 */
            blocked?: number;
            byResult?: components["schemas"]["Application.DialTasks.DialTaskResultCount"][];
            /** Format: int32 */
            noResult?: number;
        };
        /** @description A task's progress changed (a contact offered, dialled, given a result, retried, exhausted or blocked): to its supervisors. */
        "Application.DialTasks.DialTaskProgressEvent": {
            /** Format: uuid */
            tenantId?: string;
            readonly agents?: string[];
            progress?: components["schemas"]["Application.DialTasks.DialTaskProgress"];
            readonly name?: string;
        };
        /** @description How many contacts have one result. */
        "Application.DialTasks.DialTaskResultCount": {
            result?: string;
            /** Format: int32 */
            count?: number;
        };
        /**
         * @description The result of a contact: a disposition code of the tenant (by id, or its code or name as text) and a remark.
         * @example {
         *       "disposition": "SALE",
         *       "remark": "Ordered 3 units"
         *     }
         */
        "Application.DialTasks.DialTaskResultRequest": {
            /**
             * Format: uuid
             * @description The disposition code's id.
             */
            dispositionId?: string | null;
            /** @description Or the code (or its name) as text. */
            disposition?: string | null;
            /** @description Up to 2000 characters (required when the code requires remarks). */
            remark?: string | null;
        };
        /** @description A dial task. Days and times are the tenant's (`timeZone`); `windowOpen`: contacts are offered now. */
        "Application.DialTasks.DialTaskView": {
            /** Format: uuid */
            id?: string;
            name?: string;
            status?: components["schemas"]["Data.Entities.DialTaskStatus"];
            /** Format: uuid */
            teamId?: string | null;
            teamName?: string | null;
            agentIds?: string[];
            agentNames?: string[];
            firstDay?: string;
            lastDay?: string;
            dailyStart?: string;
            dailyEnd?: string;
            timeZone?: string;
            windowOpen?: boolean;
            /** Format: int32 */
            busyRetries?: number;
            /** Format: int32 */
            busyRetryMinutes?: number;
            /** Format: int32 */
            noAnswerRetries?: number;
            /** Format: int32 */
            noAnswerRetryMinutes?: number;
            callerId?: string | null;
            /** Format: uuid */
            createdById?: string | null;
            /** Format: date-time */
            createdAt?: string;
            progress?: components["schemas"]["Application.DialTasks.DialTaskProgress"];
        };
        /**
         * @description Run, pause or cancel a task.
         * @example {
         *       "status": "Paused"
         *     }
         */
        "Application.DialTasks.SetDialTaskStatusRequest": {
            status?: components["schemas"]["Data.Entities.DialTaskStatus"] | null;
        };
        /**
         * @description Create or edit a disposition code.
         * @example {
         *       "code": "SALE",
         *       "name": "Sale",
         *       "category": "Sales",
         *       "active": true,
         *       "remarksRequired": false
         *     }
         */
        "Application.Dispositions.DispositionCodeRequest": {
            /** @description 1–32 of A-Z a-z 0-9 _ - (unique in the tenant, any case). */
            code?: string | null;
            /** @description 1–100 characters. */
            name?: string | null;
            /** @description Optional grouping, up to 50 characters. */
            category?: string | null;
            /** @description Offered and accepted (default true). */
            active?: boolean;
            /** @description Agents must write remarks with this code (default false). */
            remarksRequired?: boolean;
        };
        /** @description A disposition code of the tenant. */
        "Application.Dispositions.DispositionCodeView": {
            /**
             * Format: uuid
             * @description Its id.
             */
            id?: string;
            /** @description Short unique code (what API clients send), e.g. `SALE`. */
            code?: string;
            /** @description What agents read, e.g. "Sale". */
            name?: string;
            /** @description A grouping of codes (optional), e.g. "Sales". */
            category?: string | null;
            /** @description Offered in the wrap-up form and accepted for new notes. */
            active?: boolean;
            /** @description Agents must write remarks when they choose it. */
            remarksRequired?: boolean;
        };
        /**
         * @description The agent's view changed. CtiBridge.Application.Events.AgentStateChangedEvent.ChangedBy: a supervisor or admin changed the state on the agent's behalf, with
         *     their optional message (null when the agent or the system did).
         */
        "Application.Events.AgentStateChangedEvent": {
            /** Format: uuid */
            tenantId?: string;
            agent?: components["schemas"]["Application.Events.AgentView"];
            trigger?: components["schemas"]["Domain.Agents.AgentTrigger"];
            changedBy?: components["schemas"]["Domain.Agents.StateChangedBy"] | null;
            readonly agents?: string[];
            readonly name?: string;
        };
        /**
         * @description An agent as the toolbar and the API show them. CtiBridge.Application.Events.AgentView.AutoAnswer: offered calls are answered without a click
         *     (the browser softphone answers by itself; desk phones get the SIP auto-answer headers);
         *     CtiBridge.Application.Events.AgentView.AutoAnswerChangeable: the tenant lets the agent switch it herself (`PUT /agent/auto-answer`).
         *     CtiBridge.Application.Events.AgentView.Revision rises with every published change of the view (also across restarts): of two views of the same
         *     agent, from a REST answer and an event in any order, the one with the higher revision is the newer.
         */
        "Application.Events.AgentView": {
            /** Format: uuid */
            agentId?: string;
            displayName?: string;
            agentNumber?: string | null;
            extension?: string;
            extensionKind?: components["schemas"]["Domain.Tenants.ExtensionKind"];
            status?: components["schemas"]["Domain.Agents.AgentStatus"];
            reason?: string | null;
            /** Format: date-time */
            stateSince?: string | null;
            pending?: components["schemas"]["Domain.Agents.PendingKind"];
            pendingReason?: string | null;
            /** Format: uuid */
            callId?: string | null;
            /** Format: date-time */
            wrapUpEndsAt?: string | null;
            pausedSkillGroupIds?: string[];
            workingMode?: components["schemas"]["Domain.Tenants.WorkingMode"];
            deviceAvailable?: boolean;
            autoAnswer?: boolean;
            autoAnswerChangeable?: boolean;
            /** Format: int64 */
            revision?: number;
        };
        "Application.Events.AttachedDataItem": {
            key?: string;
            value?: string;
        };
        "Application.Events.CallEndedEvent": {
            /** Format: uuid */
            tenantId?: string;
            call?: components["schemas"]["Application.Events.CallView"];
            audience?: string[];
            reason?: components["schemas"]["Domain.Calls.CallEndReason"];
            readonly agents?: string[];
            readonly name?: string;
        };
        /** @description One agent's own notes on a call. */
        "Application.Events.CallNoteView": {
            /**
             * Format: uuid
             * @description The agent.
             */
            agentId?: string;
            /** @description Her display name. */
            agentName?: string | null;
            /**
             * Format: uuid
             * @description The disposition code she chose (null: none, or free text of a tenant without codes).
             */
            dispositionId?: string | null;
            /** @description The code's name, or the free text. */
            disposition?: string | null;
            /** @description Her remarks. */
            remarks?: string | null;
            /**
             * Format: date-time
             * @description When she last saved them.
             */
            savedAt?: string;
        };
        /**
         * @description A call rings for an agent. CtiBridge.Application.Events.CallOfferedEvent.ScreenPop: the caller's contact and last calls, added by the event fan-out
         *     before the event leaves (docs/contacts.md); null when the lookup was not made or did not answer in time.
         */
        "Application.Events.CallOfferedEvent": {
            /** Format: uuid */
            tenantId?: string;
            /** Format: uuid */
            agentId?: string;
            call?: components["schemas"]["Application.Events.CallView"];
            /** Format: int32 */
            countdownSeconds?: number;
            screenPop?: components["schemas"]["Application.Contacts.ScreenPop"] | null;
            readonly agents?: string[];
            readonly name?: string;
        };
        "Application.Events.CallStateChangedEvent": {
            /** Format: uuid */
            tenantId?: string;
            call?: components["schemas"]["Application.Events.CallView"];
            audience?: string[];
            change?: string;
            readonly agents?: string[];
            readonly name?: string;
        };
        /**
         * @description A call as the toolbar and the API show it (caller number masked by the tenant's rule). CtiBridge.Application.Events.CallView.TransferredBy and
         *     CtiBridge.Application.Events.CallView.TransferredByName name the agent who last transferred it (blind or by completing a consultation); her
         *     notes travel with the call in CtiBridge.Application.Events.CallView.Notes: each agent's own disposition and remarks (no party overwrites
         *     another's). CtiBridge.Application.Events.CallView.Disposition and CtiBridge.Application.Events.CallView.Remarks are the notes saved last by any party, kept for older
         *     clients; read CtiBridge.Application.Events.CallView.Notes.
         */
        "Application.Events.CallView": {
            /** Format: uuid */
            callId?: string;
            kind?: components["schemas"]["Domain.Calls.CallKind"];
            direction?: components["schemas"]["Domain.Calls.CallDirection"];
            state?: components["schemas"]["Domain.Calls.CallState"];
            /** Format: uuid */
            skillGroupId?: string | null;
            skillGroupName?: string | null;
            customerNumber?: string;
            customerName?: string | null;
            attachedData?: components["schemas"]["Application.Events.AttachedDataItem"][];
            parties?: components["schemas"]["Application.Events.PartyView"][];
            /** Format: uuid */
            ownerAgentId?: string | null;
            held?: boolean;
            recording?: boolean;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            answeredAt?: string | null;
            /** Format: date-time */
            ringingUntil?: string | null;
            /** Format: uuid */
            consultLegOwner?: string | null;
            disposition?: string | null;
            remarks?: string | null;
            selfService?: string | null;
            /** Format: uuid */
            transferredBy?: string | null;
            transferredByName?: string | null;
            notes?: components["schemas"]["Application.Events.CallNoteView"][] | null;
        };
        "Application.Events.DeviceChangedEvent": {
            /** Format: uuid */
            tenantId?: string;
            endpoint?: string;
            registered?: boolean;
            inUse?: boolean;
            /** Format: uuid */
            agentId?: string | null;
            readonly agents?: string[];
            readonly name?: string;
        };
        /** @description A skill group's report figures of one UTC day so far (docs/reports.md defines each; calls ended that day). */
        "Application.Events.GroupToday": {
            /**
             * Format: date
             * @description The UTC day.
             */
            day?: string;
            /**
             * Format: int32
             * @description The threshold the service level was computed with.
             */
            serviceLevelSeconds?: number;
            figures?: components["schemas"]["Application.Reports.GroupFigures"];
        };
        "Application.Events.ParticipantsChangedEvent": {
            /** Format: uuid */
            tenantId?: string;
            call?: components["schemas"]["Application.Events.CallView"];
            audience?: string[];
            party?: components["schemas"]["Application.Events.PartyView"];
            joined?: boolean;
            readonly agents?: string[];
            readonly name?: string;
        };
        "Application.Events.PartyView": {
            legId?: string;
            role?: components["schemas"]["Domain.Calls.PartyRole"];
            /** Format: uuid */
            agentId?: string | null;
            name?: string;
            number?: string;
            state?: components["schemas"]["Domain.Calls.PartyState"];
            held?: boolean;
            muted?: boolean;
        };
        "Application.Events.PbxConnectionChangedEvent": {
            /** Format: uuid */
            tenantId?: string;
            connected?: boolean;
            description?: string;
            readonly agents?: string[];
            readonly name?: string;
        };
        /**
         * @description A skill group's live figures (the `skillGroupStatsChanged` message and every `Resume` answer).
         *     Agents by state count logged-in members: CtiBridge.Application.Events.SkillGroupStats.AgentsReady, CtiBridge.Application.Events.SkillGroupStats.AgentsBusy (ringing or on a call),
         *     CtiBridge.Application.Events.SkillGroupStats.AgentsNotReady, CtiBridge.Application.Events.SkillGroupStats.AgentsWrapUp.
         */
        "Application.Events.SkillGroupStats": {
            /**
             * Format: uuid
             * @description The group.
             */
            skillGroupId?: string;
            /** @description Its name. */
            name?: string;
            /**
             * Format: int32
             * @description Calls waiting now.
             */
            waiting?: number;
            /**
             * Format: double
             * @description The longest current wait.
             */
            longestWaitSeconds?: number;
            /**
             * Format: int32
             * @description Members logged in.
             */
            agentsLoggedIn?: number;
            /**
             * Format: int32
             * @description Members Ready.
             */
            agentsReady?: number;
            /**
             * Format: int32
             * @description Members Ready, not paused in this group, device available.
             */
            agentsFree?: number;
            /**
             * Format: int32
             * @description Members ringing or on a call.
             */
            agentsBusy?: number;
            /**
             * Format: int32
             * @description Members Not Ready.
             */
            agentsNotReady?: number;
            /**
             * Format: int32
             * @description Members in wrap-up.
             */
            agentsWrapUp?: number;
            /**
             * Format: int32
             * @description The group's service-level threshold.
             */
            serviceLevelSeconds?: number;
            /** @description Each waiting caller, in offer order. */
            callers?: components["schemas"]["Application.Events.WaitingCaller"][] | null;
            today?: components["schemas"]["Application.Events.GroupToday"] | null;
        };
        "Application.Events.SkillGroupStatsChangedEvent": {
            /** Format: uuid */
            tenantId?: string;
            stats?: components["schemas"]["Application.Events.SkillGroupStats"];
            readonly agents?: string[];
            readonly name?: string;
        };
        "Application.Events.WaitingCallView": {
            /** Format: uuid */
            callId?: string;
            /** Format: int32 */
            position?: number;
            customerNumber?: string;
            /** Format: date-time */
            enqueuedAt?: string;
            /** Format: double */
            waitSeconds?: number;
            attachedData?: components["schemas"]["Application.Events.AttachedDataItem"][];
        };
        /** @description A caller waiting in a skill group as its statistics list them, in offer order (number masked by the tenant's rule). */
        "Application.Events.WaitingCaller": {
            /**
             * Format: uuid
             * @description The call.
             */
            callId?: string;
            /**
             * Format: int32
             * @description 1 = offered next.
             */
            position?: number;
            /** @description The caller's number, masked by the tenant's rule. */
            customerNumber?: string;
            /**
             * Format: date-time
             * @description When the call entered the queue (its wait counts from here; a client ticks it).
             */
            enqueuedAt?: string;
        };
        /** @description An API key as admins see it (never the key itself, except once at creation). */
        "Application.Persistence.ApiKeyInfo": {
            /** Format: uuid */
            id?: string;
            name?: string;
            prefix?: string;
            scopes?: string[];
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            expiresAt?: string | null;
            /** Format: date-time */
            revokedAt?: string | null;
            /** Format: date-time */
            lastUsedAt?: string | null;
        };
        /** @description One delivery as the delivery log shows it. */
        "Application.Persistence.WebhookDeliveryInfo": {
            /** Format: int64 */
            id?: number;
            eventType?: string;
            status?: string;
            /** Format: int32 */
            attempts?: number;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            nextAttemptAt?: string | null;
            /** Format: date-time */
            deliveredAt?: string | null;
            lastError?: string | null;
        };
        /** @description A webhook endpoint as admins see it (the secret only at creation). */
        "Application.Persistence.WebhookEndpointInfo": {
            /** Format: uuid */
            id?: string;
            url?: string;
            eventTypes?: string[];
            enabled?: boolean;
            /** Format: date-time */
            createdAt?: string;
        };
        /** @description A registered contact of a phone. */
        "Application.PhoneRegistrations.PhoneContactResponse": {
            /** @description The phone's contact address (SIP URI). */
            uri?: string;
            /** @description The phone's User-Agent, when it sent one. */
            userAgent?: string | null;
            /** @description The PBX's status of the contact (`Reachable`, `Unreachable`, `Unknown` when not qualified, …). */
            status?: string;
            /**
             * Format: date-time
             * @description When the registration runs out unless the phone refreshes it (null when the PBX does not say).
             */
            expiresAt?: string | null;
        };
        /** @description A phone and its live registration. */
        "Application.PhoneRegistrations.PhoneRegistrationResponse": {
            /**
             * Format: uuid
             * @description The phone (`/api/v1/admin/phones/{id}`).
             */
            phoneId?: string;
            /** @description Its extension. */
            extension?: string;
            /** @description Its PJSIP endpoint. */
            endpointName?: string;
            /** @description It has a contact the PBX does not consider unreachable. */
            registered?: boolean;
            /** @description Its registered contacts (a phone may register from several places). */
            contacts?: components["schemas"]["Application.PhoneRegistrations.PhoneContactResponse"][];
            /**
             * Format: date-time
             * @description When the PBX last heard from it (registration, refresh, removal or qualify answer) since CtiBridge started; null when not since then.
             */
            lastSeen?: string | null;
        };
        /** @description What a desk phone registers with: server-side user name (= endpoint name) and password. */
        "Application.Provisioning.PhoneSipCredentials": {
            /** @description The PJSIP endpoint, e.g. `acme-2001`. */
            endpoint?: string;
            /** @description SIP user and authentication name (the endpoint's name). */
            username?: string;
            /** @description The SIP password: shown in this answer only. */
            password?: string;
        };
        /** @description One agent's own disposition and remarks on the call. */
        "Application.Records.CallAgentNote": {
            /**
             * Format: uuid
             * @description The agent (null: her user was deleted).
             */
            agentId?: string | null;
            /** @description Her display name. */
            agentName?: string | null;
            /**
             * Format: uuid
             * @description The disposition code she chose (null: none, or free text of a tenant without codes).
             */
            dispositionId?: string | null;
            /** @description The code's name as she saved it, or the free text. */
            disposition?: string | null;
            /** @description Her remarks. */
            remarks?: string | null;
            /**
             * Format: date-time
             * @description When she last saved them.
             */
            savedAt?: string;
        };
        /** @description Where the caller waited: a skill group, from when to when (an overflow moves her to the next group). */
        "Application.Records.CallGroupWaitView": {
            /**
             * Format: uuid
             * @description The group.
             */
            skillGroupId?: string;
            /** @description Its name when the caller waited there. */
            skillGroupName?: string;
            /**
             * Format: date-time
             * @description When she was queued in it.
             */
            enteredAt?: string;
            /**
             * Format: date-time
             * @description When she left it: an agent answered, she moved on, or the call ended.
             */
            leftAt?: string | null;
            /**
             * Format: int32
             * @description How long she waited in it.
             */
            seconds?: number;
        };
        /** @description One party's leg: who, from when to when, how it ended; `Rona`: an agent's offer that rang without an answer (ring-no-answer or declined). */
        "Application.Records.CallJourneyLeg": {
            role?: components["schemas"]["Data.Entities.CallLegRole"];
            /** Format: uuid */
            agentId?: string | null;
            agentName?: string | null;
            number?: string | null;
            /** Format: date-time */
            startedAt?: string;
            /** Format: date-time */
            answeredAt?: string | null;
            /** Format: date-time */
            endedAt?: string | null;
            endReason?: components["schemas"]["Domain.Calls.CallEndReason"] | null;
            rona?: boolean;
        };
        /**
         * @description A call's whole journey. `Summary.DispositionId` and `Remarks` are the record's own (the answering agent's
         *     notes, else the notes saved last); `Notes` has each agent's own; `Waits`, where the caller waited, group by
         *     group, in order.
         */
        "Application.Records.CallRecordDetail": {
            summary?: components["schemas"]["Application.Records.CallRecordSummary"];
            remarks?: string | null;
            legs?: components["schemas"]["Application.Records.CallJourneyLeg"][];
            wrapUps?: components["schemas"]["Application.Records.CallWrapUp"][];
            attachedData?: {
                [key: string]: string;
            };
            recordings?: components["schemas"]["Application.Records.CallRecordingRef"][];
            notes?: components["schemas"]["Application.Records.CallAgentNote"][];
            waits?: components["schemas"]["Application.Records.CallGroupWaitView"][];
        };
        /** @description A page of records and the cursor of the next one (null: the last page). */
        "Application.Records.CallRecordPage": {
            items?: components["schemas"]["Application.Records.CallRecordSummary"][];
            nextCursor?: string | null;
        };
        /**
         * @description Sort orders; both are keyset-paged on (offered at, id).
         * @enum {string}
         */
        "Application.Records.CallRecordSort": "NewestFirst" | "OldestFirst";
        /** @description One call in a list of records. */
        "Application.Records.CallRecordSummary": {
            /** Format: uuid */
            id?: string;
            direction?: components["schemas"]["Domain.Calls.CallDirection"];
            kind?: components["schemas"]["Domain.Calls.CallKind"] | null;
            /** Format: uuid */
            skillGroupId?: string | null;
            skillGroupName?: string | null;
            customerNumber?: string;
            customerName?: string | null;
            dialedNumber?: string | null;
            /** Format: date-time */
            offeredAt?: string;
            /** Format: date-time */
            answeredAt?: string | null;
            /** Format: date-time */
            endedAt?: string | null;
            inProgress?: boolean;
            outcome?: components["schemas"]["Data.Entities.CallOutcome"];
            endReason?: components["schemas"]["Domain.Calls.CallEndReason"] | null;
            /** Format: int32 */
            waitSeconds?: number;
            /** Format: int32 */
            ringSeconds?: number;
            /** Format: int32 */
            talkSeconds?: number;
            /** Format: int32 */
            holdSeconds?: number;
            /** Format: int32 */
            holdCount?: number;
            /** Format: int32 */
            offerCount?: number;
            /** Format: int32 */
            ronaCount?: number;
            /** Format: uuid */
            answeredById?: string | null;
            answeredByName?: string | null;
            /** Format: uuid */
            dispositionId?: string | null;
            dispositionName?: string | null;
            hasRecording?: boolean;
        };
        /**
         * @description The type of a call for the records' type filter: how it came (inbound through a skill group, inbound to one agent,
         *     dialled by an agent by hand or from a dial task, agent to agent), or what happened in it (transferred from one agent to another, another agent
         *     consulted or conferenced in). docs/reports.md.
         * @enum {string}
         */
        "Application.Records.CallRecordType": "InboundQueue" | "DirectInbound" | "ManualOutbound" | "Internal" | "Transferred" | "Consulted" | "TaskDialled";
        /** @description A recording of the call. */
        "Application.Records.CallRecordingRef": {
            /** Format: uuid */
            recordingId?: string;
            /** Format: uuid */
            agentId?: string | null;
            /** Format: date-time */
            startedAt?: string;
            /** Format: date-time */
            endedAt?: string | null;
            /** Format: int32 */
            durationSeconds?: number;
            inProgress?: boolean;
            legalHold?: boolean;
        };
        /** @description An agent's wrap-up after the call. */
        "Application.Records.CallWrapUp": {
            /** Format: uuid */
            agentId?: string;
            agentName?: string | null;
            /** Format: date-time */
            startedAt?: string;
            /** Format: int32 */
            seconds?: number;
        };
        /** @description A disposition to filter call records by. */
        "Application.Records.DispositionChoice": {
            /** Format: uuid */
            id?: string;
            code?: string;
            name?: string;
            enabled?: boolean;
        };
        /** @description A recording as listed: its call, who recorded it, its own length, whether it is still running or held. */
        "Application.Records.RecordingView": {
            /** Format: uuid */
            recordingId?: string;
            /** Format: uuid */
            callId?: string;
            /** Format: uuid */
            agentId?: string | null;
            customerNumber?: string | null;
            direction?: components["schemas"]["Domain.Calls.CallDirection"] | null;
            type?: components["schemas"]["Domain.Calls.RecordingType"];
            /** Format: date-time */
            startedAt?: string;
            /** Format: date-time */
            endedAt?: string | null;
            /** Format: int32 */
            durationSeconds?: number;
            inProgress?: boolean;
            legalHold?: boolean;
            format?: string;
        };
        /** @description An agent's figures for today, yesterday and this month (UTC days). */
        "Application.Reports.AgentDashboard": {
            /** Format: uuid */
            agentId?: string;
            today?: components["schemas"]["Application.Reports.AgentReport"];
            yesterday?: components["schemas"]["Application.Reports.AgentReport"];
            thisMonth?: components["schemas"]["Application.Reports.AgentReport"];
        };
        /** @description Figures of one agent (or a team's agents together) over a range; docs/reports.md defines each. */
        "Application.Reports.AgentFigures": {
            /** Format: int32 */
            offered?: number;
            /** Format: int32 */
            answered?: number;
            /** Format: int32 */
            notAnswered?: number;
            /** Format: int32 */
            abandoned?: number;
            /** Format: double */
            answeredPercent?: number | null;
            /**
             * Format: double
             * @description Of the queue calls the agent (the team's agents) answered, offered in the range: the share answered within the service-level threshold of the skill group each was answered from, in percent; null when none. An answered service level: abandoned calls do not count (unlike the skill group's).
             */
            serviceLevelPercent?: number | null;
            /**
             * Format: double
             * @description Of those answered queue calls: the callers' average wait before the answer; null when none.
             */
            averageWaitSeconds?: number | null;
            /**
             * Format: int32
             * @description Of those answered queue calls: the longest wait before the answer; null when none.
             */
            longestWaitSeconds?: number | null;
            /** Format: double */
            averageTalkSeconds?: number | null;
            /** Format: double */
            averageHoldSeconds?: number | null;
            /** Format: int32 */
            wrapUps?: number;
            /** Format: double */
            averageWrapUpSeconds?: number | null;
            /** Format: double */
            occupancyPercent?: number | null;
            /** Format: double */
            loginSeconds?: number;
            /** Format: double */
            readySeconds?: number;
            /** Format: double */
            busySeconds?: number;
            pauseByReason?: components["schemas"]["Application.Reports.PauseTime"][];
        };
        /** @description One agent's figures over a range. */
        "Application.Reports.AgentReport": {
            /** Format: uuid */
            agentId?: string;
            name?: string;
            range?: components["schemas"]["Application.Reports.ReportRange"];
            figures?: components["schemas"]["Application.Reports.AgentFigures"];
        };
        /** @description An agent's states through one day, in order. */
        "Application.Reports.AgentTimeline": {
            /** Format: uuid */
            agentId?: string;
            /** Format: date */
            day?: string;
            intervals?: components["schemas"]["Application.Reports.StateInterval"][];
        };
        /** @description Figures of a skill group (or of every call) over a range; docs/reports.md defines each. */
        "Application.Reports.GroupFigures": {
            /** Format: int32 */
            offered?: number;
            /** Format: int32 */
            answered?: number;
            /** Format: int32 */
            abandoned?: number;
            /** Format: int32 */
            notAnswered?: number;
            /** Format: int32 */
            rona?: number;
            /** Format: int32 */
            answeredWithinServiceLevel?: number;
            /** Format: double */
            serviceLevelPercent?: number | null;
            /** Format: double */
            averageWaitSeconds?: number | null;
            /** Format: int32 */
            longestWaitSeconds?: number;
            /** Format: double */
            averageTalkSeconds?: number | null;
            /** Format: double */
            averageHoldSeconds?: number | null;
            /** Format: int32 */
            movedOn?: number;
            /** Format: double */
            averageWrapUpSeconds?: number | null;
        };
        /** @description Time spent in a Not Ready reason. */
        "Application.Reports.PauseTime": {
            reason?: string;
            /** Format: double */
            seconds?: number;
        };
        /** @description A range of a report: [From, To). */
        "Application.Reports.ReportRange": {
            /** Format: date-time */
            from?: string;
            /** Format: date-time */
            to?: string;
        };
        /** @description Someone a report names: an agent, a team or a skill group. */
        "Application.Reports.ReportSubject": {
            /** Format: uuid */
            id?: string;
            name?: string;
        };
        /** @description What a reader may report on: the teams (with their agents) and the skill groups; an agent only herself. */
        "Application.Reports.ReportSubjects": {
            teams?: components["schemas"]["Application.Reports.ReportTeam"][];
            skillGroups?: components["schemas"]["Application.Reports.ReportSubject"][];
        };
        /** @description A team a reader may report on, with its agents. */
        "Application.Reports.ReportTeam": {
            /** Format: uuid */
            id?: string;
            name?: string;
            agents?: components["schemas"]["Application.Reports.ReportSubject"][];
        };
        /** @description A skill group's figures over a range, with its service-level threshold. */
        "Application.Reports.SkillGroupReport": {
            /** Format: uuid */
            skillGroupId?: string;
            name?: string;
            /** Format: int32 */
            serviceLevelSeconds?: number;
            range?: components["schemas"]["Application.Reports.ReportRange"];
            figures?: components["schemas"]["Application.Reports.GroupFigures"];
        };
        /** @description An agent's time in one state (Ready, NotReady + reason, Ringing, OnCall, WrapUp, PendingNotReady), within the report's range. */
        "Application.Reports.StateInterval": {
            /** Format: uuid */
            agentId?: string;
            status?: components["schemas"]["Domain.Agents.AgentStatus"];
            reason?: string | null;
            /** Format: date-time */
            from?: string;
            /** Format: date-time */
            to?: string;
            /** Format: double */
            readonly seconds?: number;
        };
        /** @description A team's figures: every member, and the members together. */
        "Application.Reports.TeamReport": {
            /** Format: uuid */
            teamId?: string;
            name?: string;
            range?: components["schemas"]["Application.Reports.ReportRange"];
            total?: components["schemas"]["Application.Reports.AgentFigures"];
            agents?: components["schemas"]["Application.Reports.AgentReport"][];
        };
        /** @description A self-service flow as admins see it. */
        "Application.SelfService.SelfServiceFlowDetails": {
            /**
             * Format: uuid
             * @description Its id.
             */
            id?: string;
            /** @description What agents pick in the hand-off list. */
            name?: string;
            /** @description The sound file Asterisk plays to the customer (name without extension). */
            prompt?: string;
            /**
             * Format: int32
             * @description The customer is back as soon as this many digits are typed; null: no limit.
             */
            maxDigits?: number | null;
            /** @description The key that ends the input at once (`#` or `*`, not kept); null: none. */
            terminator?: string | null;
            /**
             * Format: int32
             * @description The customer is back after this many seconds whatever was typed.
             */
            timeoutSeconds?: number;
            /** @description The attached-data key that receives the digits. */
            dataKey?: string;
        };
        /**
         * @description Create or edit a self-service flow. At least one of `maxDigits` and `terminator` is required.
         * @example {
         *       "name": "account",
         *       "prompt": "custom/enter-account",
         *       "maxDigits": 8,
         *       "terminator": "#",
         *       "timeoutSeconds": 20,
         *       "dataKey": "accountNumber"
         *     }
         */
        "Application.SelfService.SelfServiceFlowRequest": {
            /** @description 1–50 characters: letters, digits, space, `_`, `.`, `-`; unique in the tenant. */
            name?: string | null;
            /**
             * @description A sound file Asterisk has, by name without extension (e.g. `conf-getpin`, `custom/enter-account`): letters,
             *     digits, `_`, `-`, and `/` between folders; no path, extension or URI.
             */
            prompt?: string | null;
            /**
             * Format: int32
             * @description 1–32, or null for no limit.
             */
            maxDigits?: number | null;
            /** @description `#`, `*`, or null/empty for none. */
            terminator?: string | null;
            /**
             * Format: int32
             * @description 3–300 seconds; left out: 30.
             */
            timeoutSeconds?: number | null;
            /** @description 1–64 characters: letters, digits, `_`, `.`, `-` (as the tenant's attached-data keys). */
            dataKey?: string | null;
        };
        /**
         * @description The session ended (CtiBridge.Application.Supervision.Monitoring.MonitoringView.EndReason).
         * @example {
         *       "tenantId": "e2f1a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7",
         *       "session": {
         *         "sessionId": "9b2e4c1a-6d3f-4e8a-b7c5-2f1a0d9e8c73",
         *         "supervisorId": "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f",
         *         "agentId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11",
         *         "callId": "7a1d2e3f-4b5c-4d6e-8f90-a1b2c3d4e5f6",
         *         "mode": "Whisper",
         *         "state": "Ended",
         *         "requestedAt": "2026-12-07T09:15:02.120+00:00",
         *         "connectedAt": "2026-12-07T09:15:02.240+00:00",
         *         "endedAt": "2026-12-07T09:16:05.500+00:00",
         *         "endReason": "Stopped",
         *         "partiesTold": false,
         *         "periods": [
         *           {
         *             "mode": "Monitor",
         *             "from": "2026-12-07T09:15:02.240+00:00",
         *             "to": "2026-12-07T09:15:40.010+00:00"
         *           },
         *           {
         *             "mode": "Whisper",
         *             "from": "2026-12-07T09:15:40.010+00:00",
         *             "to": "2026-12-07T09:16:05.500+00:00"
         *           }
         *         ]
         *       },
         *       "agents": [
         *         "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f"
         *       ],
         *       "name": "monitoringEnded"
         *     }
         */
        "Application.Supervision.Monitoring.MonitoringEndedEvent": {
            /** Format: uuid */
            tenantId?: string;
            session?: components["schemas"]["Application.Supervision.Monitoring.MonitoringView"];
            readonly agents?: string[];
            readonly name?: string;
        };
        /**
         * @description Where a listening line is.
         * @enum {string}
         */
        "Application.Supervision.Monitoring.MonitoringLineState": "Ringing" | "Open" | "InUse";
        /**
         * @description A supervisor's listening line (docs/supervision.md, "Listening from a browser: the listening line").
         * @example {
         *       "lineId": "c4d5e6f7-0819-4a2b-9c3d-4e5f60718293",
         *       "state": "Open",
         *       "openedAt": "2026-12-07T08:58:11.402+00:00",
         *       "sessionId": null
         *     }
         */
        "Application.Supervision.Monitoring.MonitoringLineView": {
            /**
             * Format: uuid
             * @description The line.
             */
            lineId?: string;
            state?: components["schemas"]["Application.Supervision.Monitoring.MonitoringLineState"];
            /**
             * Format: date-time
             * @description When it was asked for.
             */
            openedAt?: string;
            /**
             * Format: uuid
             * @description The session running on it, if any.
             */
            sessionId?: string | null;
        };
        /**
         * @description The supervisor switched mode (the same device leg, no new call).
         * @example {
         *       "tenantId": "e2f1a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7",
         *       "session": {
         *         "sessionId": "9b2e4c1a-6d3f-4e8a-b7c5-2f1a0d9e8c73",
         *         "supervisorId": "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f",
         *         "agentId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11",
         *         "callId": "7a1d2e3f-4b5c-4d6e-8f90-a1b2c3d4e5f6",
         *         "mode": "Whisper",
         *         "state": "Active",
         *         "requestedAt": "2026-12-07T09:15:02.120+00:00",
         *         "connectedAt": "2026-12-07T09:15:02.240+00:00",
         *         "endedAt": null,
         *         "endReason": null,
         *         "partiesTold": false,
         *         "periods": [
         *           {
         *             "mode": "Monitor",
         *             "from": "2026-12-07T09:15:02.240+00:00",
         *             "to": "2026-12-07T09:15:40.010+00:00"
         *           },
         *           {
         *             "mode": "Whisper",
         *             "from": "2026-12-07T09:15:40.010+00:00",
         *             "to": null
         *           }
         *         ]
         *       },
         *       "agents": [
         *         "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f"
         *       ],
         *       "previousMode": "Monitor",
         *       "name": "monitoringModeChanged"
         *     }
         */
        "Application.Supervision.Monitoring.MonitoringModeChangedEvent": {
            /** Format: uuid */
            tenantId?: string;
            session?: components["schemas"]["Application.Supervision.Monitoring.MonitoringView"];
            readonly agents?: string[];
            previousMode?: components["schemas"]["Domain.Supervision.MonitoringMode"];
            readonly name?: string;
        };
        /**
         * @description The supervisor's device answered: the supervisor hears the call in CtiBridge.Application.Supervision.Monitoring.MonitoringView.Mode.
         * @example {
         *       "tenantId": "e2f1a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7",
         *       "session": {
         *         "sessionId": "9b2e4c1a-6d3f-4e8a-b7c5-2f1a0d9e8c73",
         *         "supervisorId": "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f",
         *         "agentId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11",
         *         "callId": "7a1d2e3f-4b5c-4d6e-8f90-a1b2c3d4e5f6",
         *         "mode": "Monitor",
         *         "state": "Active",
         *         "requestedAt": "2026-12-07T09:15:02.120+00:00",
         *         "connectedAt": "2026-12-07T09:15:02.240+00:00",
         *         "endedAt": null,
         *         "endReason": null,
         *         "partiesTold": false,
         *         "periods": [
         *           {
         *             "mode": "Monitor",
         *             "from": "2026-12-07T09:15:02.240+00:00",
         *             "to": null
         *           }
         *         ]
         *       },
         *       "agents": [
         *         "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f"
         *       ],
         *       "name": "monitoringStarted"
         *     }
         */
        "Application.Supervision.Monitoring.MonitoringStartedEvent": {
            /** Format: uuid */
            tenantId?: string;
            session?: components["schemas"]["Application.Supervision.Monitoring.MonitoringView"];
            readonly agents?: string[];
            readonly name?: string;
        };
        /**
         * @description A monitoring session as the API shows it: who monitors whom on which call, the mode (in use, or to start in while the
         *     supervisor's device rings), the periods per mode, and whether the monitored parties are told.
         * @example {
         *       "sessionId": "9b2e4c1a-6d3f-4e8a-b7c5-2f1a0d9e8c73",
         *       "supervisorId": "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f",
         *       "agentId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11",
         *       "callId": "7a1d2e3f-4b5c-4d6e-8f90-a1b2c3d4e5f6",
         *       "mode": "Whisper",
         *       "state": "Active",
         *       "requestedAt": "2026-12-07T09:15:02.120+00:00",
         *       "connectedAt": "2026-12-07T09:15:02.240+00:00",
         *       "endedAt": null,
         *       "endReason": null,
         *       "partiesTold": false,
         *       "periods": [
         *         {
         *           "mode": "Monitor",
         *           "from": "2026-12-07T09:15:02.240+00:00",
         *           "to": "2026-12-07T09:15:40.010+00:00"
         *         },
         *         {
         *           "mode": "Whisper",
         *           "from": "2026-12-07T09:15:40.010+00:00",
         *           "to": null
         *         }
         *       ]
         *     }
         */
        "Application.Supervision.Monitoring.MonitoringView": {
            /** Format: uuid */
            sessionId?: string;
            /** Format: uuid */
            supervisorId?: string;
            /** Format: uuid */
            agentId?: string;
            /** Format: uuid */
            callId?: string;
            mode?: components["schemas"]["Domain.Supervision.MonitoringMode"];
            state?: components["schemas"]["Domain.Supervision.MonitoringState"];
            /** Format: date-time */
            requestedAt?: string;
            /** Format: date-time */
            connectedAt?: string | null;
            /** Format: date-time */
            endedAt?: string | null;
            endReason?: components["schemas"]["Domain.Supervision.MonitoringEndReason"] | null;
            partiesTold?: boolean;
            periods?: components["schemas"]["Domain.Supervision.MonitoringPeriod"][];
        };
        /**
         * @description One agent of the supervisor's teams: CtiBridge.Application.Supervision.Team.TeamAgentView.Agent is the same view `agentStateChanged` carries (replace it
         *     with each event's when that event's revision is higher), plus the agent's skill groups, current call (with
         *     consultation and conference markers), teams and phone registration (`phoneRegistrationChanged` keeps it current).
         */
        "Application.Supervision.Team.TeamAgentView": {
            agent?: components["schemas"]["Application.Events.AgentView"];
            skillGroups?: components["schemas"]["Application.Supervision.Team.TeamSkillGroupView"][];
            call?: components["schemas"]["Application.Supervision.Team.TeamCallView"] | null;
            teams?: components["schemas"]["Application.Supervision.Team.TeamRef"][] | null;
            phone?: components["schemas"]["Application.Supervision.Team.TeamPhoneView"] | null;
        };
        /**
         * @description The call a team agent is on or being offered, as the supervisor's desk shows it: the customer's number masked by the
         *     tenant's rule, CtiBridge.Application.Supervision.Team.TeamCallView.Since the answer (or the call's start while it rings), and the agent's own leg's
         *     CtiBridge.Application.Supervision.Team.TeamCallView.Muted.
         */
        "Application.Supervision.Team.TeamCallView": {
            /** Format: uuid */
            callId?: string;
            direction?: components["schemas"]["Domain.Calls.CallDirection"];
            state?: components["schemas"]["Domain.Calls.CallState"];
            customerNumber?: string;
            /** Format: uuid */
            skillGroupId?: string | null;
            skillGroupName?: string | null;
            /** Format: date-time */
            since?: string;
            held?: boolean;
            muted?: boolean;
            recording?: boolean;
            consultation?: boolean;
            conference?: boolean;
        };
        /**
         * @description The agent's phone as the PBX knows it: the endpoint calls ring (a hot-desk phone when she signed in on one) and whether
         *     it is registered (null for a remote agent reached on an outside number: nothing registers).
         */
        "Application.Supervision.Team.TeamPhoneView": {
            endpoint?: string;
            registered?: boolean | null;
        };
        /** @description A team of a team agent. */
        "Application.Supervision.Team.TeamRef": {
            /** Format: uuid */
            teamId?: string;
            name?: string;
        };
        /** @description A skill group of a team agent, and whether the agent paused it. */
        "Application.Supervision.Team.TeamSkillGroupView": {
            /** Format: uuid */
            skillGroupId?: string;
            name?: string;
            paused?: boolean;
        };
        /** @description A created wallboard key: CtiBridge.Application.Supervision.Wallboards.CreatedWallboardKey.Key is shown this once (the server keeps its hash). */
        "Application.Supervision.Wallboards.CreatedWallboardKey": {
            info?: components["schemas"]["Application.Supervision.Wallboards.WallboardKeyInfo"];
            /** @description The key: open `/wallboard?key=<Key>` on the wall screen. */
            key?: string;
        };
        /** @description A wallboard key as admins see it (never the key itself). */
        "Application.Supervision.Wallboards.WallboardKeyInfo": {
            /**
             * Format: uuid
             * @description The key's id.
             */
            id?: string;
            /** @description Where the screen hangs or what it is for. */
            name?: string;
            /** @description The key's first characters. */
            prefix?: string;
            /** @description The skill groups the wallboard shows. */
            skillGroupIds?: string[];
            /**
             * Format: date-time
             * @description When it was created.
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description When it was revoked (null: it works).
             */
            revokedAt?: string | null;
        };
        /**
         * @description Who made an audited change.
         * @enum {string}
         */
        "Data.Audit.AuditActorType": "User" | "ApiKey" | "System";
        /**
         * @description Which calls a blocked number may not make.
         * @enum {string}
         */
        "Data.Entities.BlockDirection": "Inbound" | "Outbound" | "Both";
        /** @description Opening hours of a skill group (stored as JSON). */
        "Data.Entities.BusinessHours": {
            /** @description IANA time zone, e.g. `Europe/Berlin`. */
            timeZone?: string;
            rules?: components["schemas"]["Data.Entities.BusinessHoursRule"][];
        };
        /** @description Open from CtiBridge.Data.Entities.BusinessHoursRule.Open to CtiBridge.Data.Entities.BusinessHoursRule.Close on the listed days. */
        "Data.Entities.BusinessHoursRule": {
            days?: components["schemas"]["System.DayOfWeek"][];
            /** Format: time */
            open?: string;
            /** Format: time */
            close?: string;
        };
        /**
         * @description What a leg's party is in the call.
         * @enum {string}
         */
        "Data.Entities.CallLegRole": "Customer" | "Agent" | "Consult" | "Conference" | "Supervisor";
        /**
         * @description What became of a call, for search and reports (docs/reports.md).
         * @enum {string}
         */
        "Data.Entities.CallOutcome": "NotAnswered" | "Answered" | "Abandoned" | "Busy" | "Failed";
        /**
         * @description Where a callback goes when its agent is offline at the due time or does not act on the reminder in time.
         * @enum {string}
         */
        "Data.Entities.CallbackEscalation": "NotifySupervisor" | "OfferToGroup";
        /**
         * @description Where a callback is in its life.
         * @enum {string}
         */
        "Data.Entities.CallbackStatus": "Scheduled" | "InProgress" | "Completed" | "Failed" | "Cancelled";
        /**
         * @description What one attempt at a dial task's contact gave.
         * @enum {string}
         */
        "Data.Entities.DialAttemptOutcome": "Answered" | "Busy" | "NoAnswer";
        /**
         * @description Where one contact of a dial task is.
         * @enum {string}
         */
        "Data.Entities.DialTaskItemStatus": "Pending" | "Claimed" | "Done" | "Exhausted" | "Blocked";
        /**
         * @description Where a dial task is in its life (docs/dialtasks.md).
         * @enum {string}
         */
        "Data.Entities.DialTaskStatus": "Draft" | "Running" | "Paused" | "Completed" | "Cancelled";
        /**
         * @description Where a third-party screen pop opens.
         * @enum {string}
         */
        "Data.Entities.ScreenPopTarget": "NewTab" | "Panel";
        /**
         * @description When a third-party screen pop opens.
         * @enum {string}
         */
        "Data.Entities.ScreenPopTrigger": "Offered" | "Answered";
        /**
         * @description The one state an agent is in (see docs/agent-states.md).
         * @enum {string}
         */
        "Domain.Agents.AgentStatus": "LoggedOut" | "Ready" | "NotReady" | "Ringing" | "OnCall" | "WrapUp";
        /**
         * @description Everything that can move an agent from one state to another.
         * @enum {string}
         */
        "Domain.Agents.AgentTrigger": "Login" | "Ready" | "NotReady" | "Logout" | "OfferQueueCall" | "OfferDirectCall" | "Answer" | "Decline" | "RingTimeout" | "OfferWithdrawn" | "DialOut" | "CallEnded" | "WrapUpExpired" | "EndWrapUp" | "ExtendWrapUp" | "DeviceLost" | "DeviceRestored" | "CallTakenBack";
        /**
         * @description What the agent asked for while a call or wrap-up made it impossible right away.
         * @enum {string}
         */
        "Domain.Agents.PendingKind": "None" | "NotReady" | "Logout";
        /**
         * @description Who changed an agent's state on the agent's behalf (a supervisor or admin: CtiBridge.Domain.Agents.StateChangedBy.UserId, CtiBridge.Domain.Agents.StateChangedBy.Name) and
         *     their optional CtiBridge.Domain.Agents.StateChangedBy.Message to the agent ("changed by Sam: team meeting now").
         */
        "Domain.Agents.StateChangedBy": {
            /** Format: uuid */
            userId?: string;
            name?: string;
            message?: string | null;
        };
        /** @enum {string} */
        "Domain.Calls.CallDirection": "Inbound" | "Outbound" | "Internal";
        /**
         * @description Why a call (or a leg of it) ended, as stored in its call record.
         * @enum {string}
         */
        "Domain.Calls.CallEndReason": "Normal" | "AgentTransfer" | "AbandonedWhileWaiting" | "AbandonedWhileRinging" | "NoAgentOnline" | "Blocklisted" | "Missed" | "Rejected" | "Busy" | "NoAnswer" | "Unreachable" | "CallerCancelled" | "AgentCancelled" | "Overflow" | "Closed" | "Failed" | "TakenOver" | "PbxRestarted" | "CustomerHungUp" | "AgentHungUp" | "EndedUnseen";
        /**
         * @description How the call came to exist; decides routing and wrap-up.
         * @enum {string}
         */
        "Domain.Calls.CallKind": "Queue" | "Direct" | "Outbound" | "Internal";
        /** @enum {string} */
        "Domain.Calls.CallState": "Waiting" | "Ringing" | "Connected" | "Ended";
        /** @enum {string} */
        "Domain.Calls.PartyRole": "Customer" | "Agent" | "External";
        /** @enum {string} */
        "Domain.Calls.PartyState": "Ringing" | "Connected" | "Consulting" | "Left";
        /**
         * @description How a recording came to be, for recording search.
         * @enum {string}
         */
        "Domain.Calls.RecordingType": "Inbound" | "ManualDial" | "AutoDial";
        /**
         * @description Why a monitoring session ended.
         * @enum {string}
         */
        "Domain.Supervision.MonitoringEndReason": "Stopped" | "SupervisorHungUp" | "SupervisorUnreachable" | "CallEnded" | "CustomerHungUp" | "Failed";
        /**
         * @description How a supervisor takes part in an agent's call.
         * @enum {string}
         */
        "Domain.Supervision.MonitoringMode": "Monitor" | "Whisper" | "Barge" | "TakeOver";
        /** @description One stretch of a session in one mode. */
        "Domain.Supervision.MonitoringPeriod": {
            mode?: components["schemas"]["Domain.Supervision.MonitoringMode"];
            /** Format: date-time */
            from?: string;
            /** Format: date-time */
            to?: string | null;
        };
        /**
         * @description Where a monitoring session is.
         * @enum {string}
         */
        "Domain.Supervision.MonitoringState": "Connecting" | "Active" | "Ended";
        /**
         * @description When after-call work (wrap-up) starts, as in the AsterCC manual's "ACW modes".
         * @enum {string}
         */
        "Domain.Tenants.AcwMode": "AfterRing" | "AfterAnswered" | "Disabled";
        /**
         * @description How an agent's phone is reached.
         * @enum {string}
         */
        "Domain.Tenants.ExtensionKind": "Web" | "Sip" | "Remote";
        /**
         * @description What happens to a call waiting in a group nobody is logged in to.
         * @enum {string}
         */
        "Domain.Tenants.NoAgentRule": "KeepWaiting" | "FallbackDestination";
        /**
         * @description When calls are recorded.
         * @enum {string}
         */
        "Domain.Tenants.RecordingPolicy": "Never" | "Always" | "OnDemand";
        /**
         * @description Which calls an agent works, as in the AsterCC manual's "working ways".
         * @enum {string}
         */
        "Domain.Tenants.WorkingMode": "Inbound" | "Outbound" | "Both" | "SelfSelect";
        "Microsoft.AspNetCore.Mvc.ProblemDetails": {
            type?: string | null;
            title?: string | null;
            /** Format: int32 */
            status?: number | null;
            detail?: string | null;
            instance?: string | null;
        } & {
            [key: string]: unknown;
        };
        "Microsoft.AspNetCore.Mvc.ValidationProblemDetails": {
            type?: string | null;
            title?: string | null;
            /** Format: int32 */
            status?: number | null;
            detail?: string | null;
            instance?: string | null;
            errors?: {
                [key: string]: string[];
            };
        } & {
            [key: string]: unknown;
        };
        /** @enum {string} */
        "System.DayOfWeek": "Sunday" | "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
