package org.groundwatergateway.policies;

/**
 * What a person or client may do and see. People hold the operational roles of the park's organisations; clients
 * hold the role of their organisation's kind; the three administrators are separated as GB/T 22239 (三员分立)
 * requires: none of them holds another's powers.
 */
public enum Role {
    /** Anyone, unauthenticated: the public portal and open OGC endpoints. */
    PUBLIC("公众"),
    /** 值班员: takes alerts first and acknowledges them. */
    DUTY_OFFICER("值班员"),
    /** 主管: the second escalation tier; declares and leads incidents. */
    SUPERVISOR("主管"),
    /** 应急队伍: works incidents, dispatches and tasks; runs drills. */
    EMERGENCY_TEAM("应急队伍"),
    /** 分析员: runs analyses (trend, kriging, transport, tracing) and tunes warning rules. */
    ANALYST("分析员"),
    /** 数据审核员: reviews flagged data and uploads laboratory results. */
    DATA_REVIEWER("数据审核员"),
    /** 运维工程师: wells, devices, their passwords and maintenance. */
    OM_ENGINEER("运维工程师"),
    /** 企业用户: a person or system of an enterprise in the park; its own data. */
    ENTERPRISE_USER("企业用户"),
    /** 监管人员: provincial and city regulators; read everything of their parks. */
    REGULATOR("监管人员"),
    /** 合作园区: a neighbouring park's gateway, through federation. */
    PARTNER_PARK("合作园区"),
    /** 系统管理员: users, organisations, clients, configuration; not the audit log, not sharing policies. */
    SYSTEM_ADMIN("系统管理员"),
    /** 安全管理员: roles, sharing policies and grants; creates no users and changes no data. */
    SECURITY_ADMIN("安全管理员"),
    /** 审计管理员: reads, verifies and exports the audit log; changes nothing. */
    AUDIT_ADMIN("审计管理员");

    private final String nameZh;

    Role(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
