package org.groundwatergateway.gateway.cite;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.jar.JarFile;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * ets-wfs20 1.25 (the newest on Maven Central) was built for Java 8. Its Geotoolkit 3.21 keeps its factory registry as
 * a subclass of {@code javax.imageio.spi.ServiceRegistry}, which since Java 9 refuses every category that is not an
 * ImageIO SPI class ("not an ImageIO SPI class") and looks providers up from inside {@code java.desktop}, which uses
 * none of Geotoolkit's services. Two byte-code edits, for the suite's JVM only, let it start on Java 17:
 * <ul>
 *   <li>the running JDK's {@code ServiceRegistry} with its one check ({@code checkClassAllowed}) emptied, through
 *       {@code --patch-module java.desktop};</li>
 *   <li>Geotoolkit's {@code FactoryRegistry} calling {@code ServiceLoader.load(category, loader).iterator()} itself
 *       where it called the inherited {@code lookupProviders(category, loader)}, ahead of the suite on the class path.</li>
 * </ul>
 */
public final class Geotk321OnJava17 {

    private static final String SERVICE_REGISTRY = "javax/imageio/spi/ServiceRegistry.class";
    private static final String FACTORY_REGISTRY = "org/geotoolkit/factory/FactoryRegistry.class";
    private static final String LOOKUP = "(Ljava/lang/Class;Ljava/lang/ClassLoader;)Ljava/util/Iterator;";

    private Geotk321OnJava17() {}

    /** Writes both classes under the run's directory and sets the run to use them. */
    public static CiteRun patch(CiteRun run) throws IOException {
        Path modulePatch = run.directory().resolve("patch-java.desktop");
        byte[] serviceRegistry;
        try (InputStream in = Files.newInputStream(FileSystems.getFileSystem(URI.create("jrt:/"))
                .getPath("modules", "java.desktop", SERVICE_REGISTRY))) {
            serviceRegistry = in.readAllBytes();
        }
        write(modulePatch.resolve(SERVICE_REGISTRY), rewrite(serviceRegistry, EmptyBody::new, "checkClassAllowed"));

        Path classes = run.directory().resolve("patch-classes");
        byte[] factoryRegistry;
        try (JarFile jar = new JarFile(run.jar().toFile()); InputStream in = jar.getInputStream(jar.getEntry(FACTORY_REGISTRY))) {
            factoryRegistry = in.readAllBytes();
        }
        write(classes.resolve(FACTORY_REGISTRY), rewrite(factoryRegistry, OwnServiceLoader::new, null));
        return run.classpathFirst(classes).jvmOptions("--patch-module=java.desktop=" + modulePatch);
    }

    /** The class with {@code edit} applied to every method ({@code onlyMethod} null) or to the one named. */
    private static byte[] rewrite(byte[] original, Function<MethodVisitor, MethodVisitor> edit, String onlyMethod) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(original).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                return onlyMethod == null || onlyMethod.equals(name) ? edit.apply(method) : method;
            }
        }, 0);
        return writer.toByteArray();
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** A void method that returns at once: its original instructions are dropped, its frame sizes kept. */
    private static final class EmptyBody extends MethodVisitor {
        private final MethodVisitor target;

        EmptyBody(MethodVisitor target) {
            super(Opcodes.ASM9);
            this.target = target;
        }

        @Override
        public void visitCode() {
            target.visitCode();
            target.visitInsn(Opcodes.RETURN);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            target.visitMaxs(maxStack, maxLocals);
        }

        @Override
        public void visitEnd() {
            target.visitEnd();
        }
    }

    /** Replaces {@code lookupProviders(Class, ClassLoader)} by the same lookup made from the caller's own module. */
    private static final class OwnServiceLoader extends MethodVisitor {
        OwnServiceLoader(MethodVisitor target) {
            super(Opcodes.ASM9, target);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && name.equals("lookupProviders") && descriptor.equals(LOOKUP)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/ServiceLoader", "load",
                        "(Ljava/lang/Class;Ljava/lang/ClassLoader;)Ljava/util/ServiceLoader;", false);
                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/util/ServiceLoader", "iterator", "()Ljava/util/Iterator;", false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }
    }
}
