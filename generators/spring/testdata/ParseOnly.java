import com.sun.source.util.JavacTask;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Parses Java files with the JDK's own parser and nothing else (no
 * classpath, no annotation processing): prints every syntax diagnostic as
 * file:line:column: message and exits 1 when there is one.
 */
public class ParseOnly {
    public static void main(String[] args) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(diags, null, StandardCharsets.UTF_8)) {
            List<File> files = new ArrayList<>();
            for (String a : args) {
                files.add(new File(a));
            }
            JavacTask task = (JavacTask) compiler.getTask(null, fm, diags, List.of("-proc:none"), null,
                    fm.getJavaFileObjectsFromFiles(files));
            task.parse();
        }
        int errors = 0;
        for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
            System.out.println(d.getSource().getName() + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": " + d.getMessage(null));
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors++;
            }
        }
        System.exit(errors > 0 ? 1 : 0);
    }
}
