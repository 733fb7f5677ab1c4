package io.dunwell.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.dunwell.notification.MailRetry;

/**
 * The rules every model in {@code bpmn/} follows, so that it opens in Camunda Modeler, renders
 * in Cockpit, and reads like a drawing of the business: diagram interchange for every element,
 * named start and end events, readable ids, history time to live, Spring beans only, and
 * outbound tasks that retry.
 */
class ModelFilesTests {

    private static final Path MODELS = Path.of("bpmn");
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    /** Ids Camunda Modeler generates, which say nothing: Activity_0x1y2z3, Gateway_1abcdef, Flow_0q9… */
    private static final String GENERATED_ID = ".*_[0-9][a-z0-9]{6}|(Activity|Event|Flow|Gateway|Task|StartEvent|EndEvent)_[0-9a-z]{7}";

    static Stream<Path> bpmnFiles() throws IOException {
        return files(".bpmn");
    }

    static Stream<Path> dmnFiles() throws IOException {
        return files(".dmn");
    }

    private static Stream<Path> files(String extension) throws IOException {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(MODELS)) {
            found = walk.filter(path -> path.toString().endsWith(extension)).sorted().toList();
        }
        assertThat(found).as("models in bpmn/ ending " + extension).isNotEmpty();
        return found.stream();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyBpmnElementIsDrawn(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Bpmn.validateModel(model);
        List<String> drawn = Stream.concat(
                model.getModelElementsByType(BpmnShape.class).stream().map(shape -> shape.getBpmnElement().getId()),
                model.getModelElementsByType(BpmnEdge.class).stream().map(edge -> edge.getBpmnElement().getId())).toList();
        List<String> elements = Stream.concat(model.getModelElementsByType(FlowNode.class).stream(),
                model.getModelElementsByType(SequenceFlow.class).stream()).map(BaseElement::getId).toList();
        assertThat(drawn).as(file + ": shapes and edges").containsAll(elements);
    }

    /**
     * A collapsed sub-process is drawn as one box; what is inside it is drawn on a plane of its own,
     * the one Modeler and Cockpit open when you drill down. Every element belongs on the plane of
     * its nearest process or collapsed sub-process, else it is drawn twice or nowhere.
     */
    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyElementIsDrawnOnThePlaneOfItsProcessOrCollapsedSubProcess(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> collapsed = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(shape -> shape.getBpmnElement() instanceof SubProcess && !shape.isExpanded())
                .map(shape -> shape.getBpmnElement().getId()).toList();
        for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
            assertThat(plane.getBpmnElement()).as(file + ": plane " + plane.getId()).isNotNull();
            String owner = plane.getBpmnElement().getId();
            assertThat(plane.getBpmnElement() instanceof Process || collapsed.contains(owner))
                    .as(file + ": plane " + plane.getId() + " draws a process or a collapsed sub-process").isTrue();
            for (DiagramElement drawn : plane.getDiagramElements()) {
                BaseElement element = drawn instanceof BpmnShape shape ? shape.getBpmnElement() : ((BpmnEdge) drawn).getBpmnElement();
                assertThat(owner).as(file + ": the plane " + element.getId() + " is drawn on").isEqualTo(planeOwnerOf(element, collapsed));
            }
        }
    }

    private static String planeOwnerOf(BaseElement element, List<String> collapsed) {
        ModelElementInstance parent = element.getParentElement();
        while (!(parent instanceof Process) && !(parent instanceof SubProcess sub && collapsed.contains(sub.getId()))) {
            parent = parent.getParentElement();
        }
        return ((BaseElement) parent).getId();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyProcessKeepsHistoryForADefinedTime(Path file) {
        for (Process process : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
            assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId() + " historyTimeToLive").isNotBlank();
            assertThat(process.getName()).as(process.getId() + " name").isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void startAndEndEventsAreNamed(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Stream.concat(model.getModelElementsByType(StartEvent.class).stream(), model.getModelElementsByType(EndEvent.class).stream())
                .forEach(event -> assertThat(event.getName()).as(file + ": name of " + event.getId()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void serviceTasksCallOneSpringBeanEach(Path file) {
        for (ServiceTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaDelegateExpression()).as(file + ": " + task.getId() + " delegateExpression")
                    .matches("#\\{[a-z][A-Za-z]+Delegate}");
            assertThat(task.getCamundaClass()).as(task.getId() + " class").isNull();
            assertThat(task.getCamundaExpression()).as(task.getId() + " expression").isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void idsAreReadableNotGenerated(Path file) {
        Collection<BaseElement> elements = Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(BaseElement.class);
        for (BaseElement element : elements) {
            if (element instanceof FlowElement || element instanceof Process) {
                assertThat(element.getId()).as(file + ": id").doesNotMatch(GENERATED_ID)
                        .matches("(StartEvent|EndEvent|TimerEvent|BoundaryEvent|Task|Gateway|SequenceFlow|SubProcess)_[A-Z][A-Za-z]+|[A-Z][A-Za-z]+Process");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void tasksThatSendOrWriteFilesAreAsyncWithARetryCycle(Path file) {
        for (ServiceTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(ServiceTask.class)) {
            if (task.getId().startsWith("Task_Send") || task.getId().equals("Task_PlaceWithAgency")) {
                assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " asyncBefore").isTrue();
                assertThat(retryCycleOf(task)).as(task.getId() + " retry cycle").matches("R\\d+/PT?\\d+[MHS]|" + Pattern.quote(MailRetry.EXPRESSION));
            }
        }
    }

    /** Every step that sends mail backs off by dunwell.mail.retry-intervals, so a day's SMTP outage becomes no incident. */
    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void tasksThatSendMailRetryByTheMailBackOff(Path file) {
        for (ServiceTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(ServiceTask.class)) {
            if (task.getId().startsWith("Task_Send") || "#{sendNoticeDelegate}".equals(task.getCamundaDelegateExpression())) {
                assertThat(retryCycleOf(task)).as(file + ": " + task.getId() + " retry cycle").isEqualTo(MailRetry.EXPRESSION);
            }
        }
    }

    /**
     * On a multi-instance activity, camunda:asyncBefore/asyncAfter on the activity make only the
     * multi-instance body async: every instance then runs in one job and transaction. A task whose
     * instances must be jobs of their own (the dunning run's partitions) carries the flags, and the
     * retry cycle, on its multiInstanceLoopCharacteristics.
     */
    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void multiInstanceTasksAreAsyncPerInstance(Path file) {
        for (Activity activity : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Activity.class)) {
            if (activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
                assertThat(activity.getDomElement().getAttribute(CAMUNDA_NS, "asyncBefore")).as(activity.getId() + " asyncBefore on the body").isNull();
                assertThat(activity.getDomElement().getAttribute(CAMUNDA_NS, "asyncAfter")).as(activity.getId() + " asyncAfter on the body").isNull();
                if (loop.isCamundaAsyncBefore() || loop.isCamundaAsyncAfter()) {
                    assertThat(loop.getExtensionElements()).as(activity.getId() + " retry cycle of an instance").isNotNull();
                    assertThat(loop.getExtensionElements().getUniqueChildElementByType(CamundaFailedJobRetryTimeCycle.class))
                            .as(activity.getId() + " retry cycle of an instance").isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dmnFiles")
    void everyDecisionIsDrawnAndKeepsHistoryForADefinedTime(Path file) throws Exception {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        Dmn.validateModel(model);
        List<String> drawn = decisionShapesOf(file);
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId() + " historyTimeToLive").isNotBlank();
            assertThat(drawn).as(file + ": shapes").contains(decision.getId());
        }
    }

    /** Camunda's DMN model API does not read DMNDI, so the shapes are read from the XML. */
    private static List<String> decisionShapesOf(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList shapes = factory.newDocumentBuilder().parse(file.toFile())
                .getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
        return IntStream.range(0, shapes.getLength())
                .mapToObj(i -> ((Element) shapes.item(i)).getAttribute("dmnElementRef")).toList();
    }

    private static String retryCycleOf(Activity task) {
        if (task.getExtensionElements() == null) {
            return "";
        }
        ModelElementInstance cycle = task.getExtensionElements().getUniqueChildElementByType(CamundaFailedJobRetryTimeCycle.class);
        return cycle == null ? "" : cycle.getTextContent();
    }
}
