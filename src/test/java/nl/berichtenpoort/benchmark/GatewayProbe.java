package nl.berichtenpoort.benchmark;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads a running gateway's figures (heap, audit queue, route statistics) over a local JMX connection, made through
 * the attach API as jconsole does. Not through Jolokia: every HTTP request with a login costs the gateway a bcrypt check,
 * 60 ms of its CPU, and a harness polling that way took up to half of the two cores of the gateway it measured.
 */
final class GatewayProbe implements AutoCloseable {

    private static final ObjectName AUDIT_QUEUE = name("org.apache.activemq.artemis:broker=*,component=addresses,"
            + "address=\"berichtenpoort.audit\",subcomponent=queues,routing-type=\"anycast\",queue=\"berichtenpoort.audit\"");

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final MemoryMXBean memory;
    /** The audit queue's name with its broker filled in, once the queue exists. */
    private ObjectName auditQueue;

    private GatewayProbe(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    }

    static GatewayProbe attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            return new GatewayProbe(JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent())));
        } finally {
            vm.detach();
        }
    }

    long heapUsed() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The events on the audit queue; 0 before the first one made the queue. */
    long auditEvents() throws IOException, JMException {
        if (auditQueue == null) {
            Set<ObjectName> queues = server.queryNames(AUDIT_QUEUE, null);
            if (queues.isEmpty()) {
                return 0;
            }
            auditQueue = queues.iterator().next();
        }
        return ((Number) server.getAttribute(auditQueue, "MessageCount")).longValue();
    }

    /** How long the route took for the last exchange it completed, in ms (Camel's JMX statistics). */
    long lastProcessingTime(String route) throws IOException, JMException {
        return ((Number) server.getAttribute(name("org.apache.camel:context=berichtenpoort,type=routes,name=\"" + route + "\""),
                "LastProcessingTime")).longValue();
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
