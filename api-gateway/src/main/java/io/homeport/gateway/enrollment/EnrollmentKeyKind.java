package io.homeport.gateway.enrollment;

/** ONE_TIME keys are bound to a host the provisioner set up; REUSABLE keys adopt hosts installed by hand. */
public enum EnrollmentKeyKind {
    ONE_TIME, REUSABLE
}
