package io.homeport.gateway.security;

/** The roles of brief §6, read from the token claim {@code quarkus.oidc.roles.role-claim-path}. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
