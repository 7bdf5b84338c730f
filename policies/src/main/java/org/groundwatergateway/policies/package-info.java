/**
 * Who may see what: roles and organisations, OAuth2 scopes, the desensitization applied to every output,
 * share approvals and the audit log. Every output path goes through this module.
 */
package org.groundwatergateway.policies;
