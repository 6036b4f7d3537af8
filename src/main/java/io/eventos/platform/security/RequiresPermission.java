package io.eventos.platform.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service method that only members holding {@link #value()} may call. Checked by {@link PermissionInterceptor}
 * after the tenant is bound, against the member's role as stored now (a role change applies to the next call).
 * If the method has a parameter marked {@link EventRef}, a member limited to some events must hold that event.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {

    @Nonbinding
    Permission value();
}
