package org.ratebook.console.audit;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.ratebook.tenants.TenantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every command is audited. At dispatch (in the caller's thread) who and from where are added to the
 * command's metadata; around handling, the entry is written: in the command's own transaction when it
 * succeeds (so entry and events commit together), in a separate one when it is refused (its transaction
 * rolls back, the attempt stays on record).
 */
@Configuration(proxyBeanMethods = false)
class CommandAuditing {

    static final String ACTOR = "auditActor";
    static final String ACTOR_KIND = "auditActorKind";
    static final String CLIENT = "auditClient";

    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    @Autowired
    void register(CommandBus commands, AuditLog audit) {
        commands.registerDispatchInterceptor(new WhoAndWhence());
        commands.registerHandlerInterceptor(new Recorder(audit));
    }

    static final class WhoAndWhence implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                if (command.getMetaData().containsKey(ACTOR)) {
                    return command;
                }
                Actor actor = Actor.current();
                Map<String, Object> who = new HashMap<>();
                who.put(ACTOR, actor.name());
                who.put(ACTOR_KIND, actor.kind());
                if (actor.clientAddress() != null) {
                    who.put(CLIENT, actor.clientAddress());
                }
                return command.andMetaData(who);
            };
        }
    }

    static final class Recorder implements MessageHandlerInterceptor<CommandMessage<?>> {
        private final AuditLog audit;

        Recorder(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            CommandMessage<?> command = unitOfWork.getMessage();
            Actor actor = new Actor(String.valueOf(command.getMetaData().getOrDefault(ACTOR, "system")),
                    String.valueOf(command.getMetaData().getOrDefault(ACTOR_KIND, Actor.SYSTEM)),
                    (String) command.getMetaData().get(CLIENT));
            TenantId tenant = tenantOf(command.getPayload());
            String action = command.getPayloadType().getSimpleName();
            String target = targetOf(command);
            try {
                Object result = chain.proceed();
                audit.record(tenant, actor, action, target, AuditLog.OK, null);
                return result;
            } catch (Exception e) {
                audit.recordSeparately(tenant, actor, action, target, AuditLog.REFUSED,
                        e.getClass().getSimpleName() + ": " + e.getMessage());
                throw e;
            }
        }

        private static String targetOf(CommandMessage<?> command) {
            try {
                return TARGETS.resolveTarget(command).getIdentifier();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /** Every command names its tenant ({@code tenantId()}); a command without one is recorded without. */
    static TenantId tenantOf(Object payload) {
        try {
            Method accessor = payload.getClass().getMethod("tenantId");
            return accessor.invoke(payload) instanceof TenantId tenant ? tenant : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
