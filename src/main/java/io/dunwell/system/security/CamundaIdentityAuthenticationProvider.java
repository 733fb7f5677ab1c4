package io.dunwell.system.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks passwords against Camunda's identity service, so one user store serves the console,
 * the API, Tasklist, Cockpit and Admin. Groups become roles. Every check passes the
 * {@link LoginThrottle} first, with the client address Spring Security's web details carry.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final LoginThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String address = clientAddressOf(authentication);
        throttle.admit(user, address);
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null || !identity.checkPassword(user, credentials.toString())) {
            throttle.failed(user, address);
            throw new BadCredentialsException("Wrong user name or password");
        }
        throttle.succeeded(user, address);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authoritiesOf(user));
    }

    private static String clientAddressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    List<GrantedAuthority> authoritiesOf(String user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Group group : identity.createGroupQuery().groupMember(user).list()) {
            String role = Roles.ROLE_OF_GROUP.get(group.getId());
            if (role != null) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
        }
        return authorities;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
