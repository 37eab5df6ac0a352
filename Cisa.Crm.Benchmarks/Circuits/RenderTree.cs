namespace Cisa.Crm.Benchmarks.Circuits;

/// <summary>A node of the client's copy of the page; a component is a logical container, as in Blazor's LogicalElements.</summary>
public abstract class RenderNode
{
    public ContainerNode? Parent { get; internal set; }
}

public abstract class ContainerNode : RenderNode
{
    public List<RenderNode> Children { get; } = [];

    /// <summary>The elements below, depth first, looking through component containers (they are not in the DOM).</summary>
    public IEnumerable<ElementNode> Descendants()
    {
        foreach (var child in Children)
        {
            if (child is ElementNode element)
            {
                yield return element;
            }

            if (child is ContainerNode container)
            {
                foreach (var below in container.Descendants())
                {
                    yield return below;
                }
            }
        }
    }

    /// <summary>The child elements as the DOM has them (children of nested component containers included).</summary>
    public IEnumerable<ElementNode> ElementChildren() =>
        Children.SelectMany(c => c switch
        {
            ElementNode element => [element],
            ComponentNode component => component.ElementChildren(),
            _ => Enumerable.Empty<ElementNode>(),
        });
}

public sealed class ComponentNode(int componentId) : ContainerNode
{
    public int ComponentId { get; } = componentId;
}

public sealed class ElementNode(string tag) : ContainerNode
{
    public string Tag { get; } = tag;

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Event name (without "on") → the server's event handler id, as the browser's EventDelegator keeps them.</summary>
    public Dictionary<string, ulong> EventHandlers { get; } = new(StringComparer.Ordinal);

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    public bool HasClass(string name) => Attribute("class")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name, StringComparer.Ordinal) == true;
}

public sealed class TextNode(string text) : RenderNode
{
    public string Text { get; set; } = text;
}

/// <summary>Raw markup is kept as a string: nothing this client looks for is inside a markup block.</summary>
public sealed class MarkupNode(string markup) : RenderNode
{
    public string Markup { get; } = markup;
}

/// <summary>
/// The page as the server's render batches build it, one container per component (like the old Ignitor client's
/// ElementHive), applying edits the way Web.JS <c>BrowserRenderer.applyEdits</c> does, so event handler ids and
/// attributes can be read off the elements they belong to.
/// </summary>
public sealed class RenderTree
{
    private readonly Dictionary<int, ComponentNode> _components = [];
    private readonly Dictionary<ulong, ElementNode> _elementByHandler = [];
    private readonly List<ComponentNode> _roots = [];

    /// <summary>JS.AttachComponent: the server placed a root component (the browser would put it at a prerendered marker).</summary>
    public void AttachRootComponent(int componentId)
    {
        var root = new ComponentNode(componentId);
        _components[componentId] = root;
        _roots.Add(root);
    }

    public IEnumerable<ElementNode> Elements() => _roots.SelectMany(r => r.Descendants());

    public ElementNode? ElementById(string id) => Elements().FirstOrDefault(e => e.Attribute("id") == id);

    public void Apply(RenderBatch batch)
    {
        foreach (var diff in batch.UpdatedComponents)
        {
            if (!_components.TryGetValue(diff.ComponentId, out var component))
            {
                throw new InvalidOperationException($"No element is associated with component {diff.ComponentId}.");
            }

            ApplyEdits(component, diff.Edits, batch.ReferenceFrames);
        }

        foreach (var id in batch.DisposedComponentIds)
        {
            _components.Remove(id);
            _roots.RemoveAll(r => r.ComponentId == id);
        }

        foreach (var id in batch.DisposedEventHandlerIds)
        {
            if (_elementByHandler.Remove(id, out var element))
            {
                foreach (var name in element.EventHandlers.Where(h => h.Value == id).Select(h => h.Key).ToList())
                {
                    element.EventHandlers.Remove(name);
                }
            }
        }
    }

    private void ApplyEdits(ContainerNode parent, IReadOnlyList<RenderEdit> edits, IReadOnlyList<RenderFrame> frames)
    {
        List<(int From, int To)>? permutation = null;
        foreach (var edit in edits)
        {
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(parent, edit.SiblingIndex, frames, edit.FrameIndex);
                    break;
                case EditType.RemoveFrame:
                    Remove(parent, edit.SiblingIndex);
                    break;
                case EditType.SetAttribute:
                    ApplyAttribute(ChildElement(parent, edit.SiblingIndex), frames[edit.FrameIndex]);
                    break;
                case EditType.RemoveAttribute:
                    // Like the browser, only the attribute goes: a handler leaves through the disposed handler ids.
                    ChildElement(parent, edit.SiblingIndex).Attributes.Remove(edit.RemovedAttributeName!);
                    break;
                case EditType.UpdateText:
                    ((TextNode)parent.Children[edit.SiblingIndex]).Text = frames[edit.FrameIndex].Value ?? "";
                    break;
                case EditType.UpdateMarkup:
                    Remove(parent, edit.SiblingIndex);
                    Insert(parent, edit.SiblingIndex, new MarkupNode(frames[edit.FrameIndex].Value ?? ""));
                    break;
                case EditType.StepIn:
                    parent = (ContainerNode)parent.Children[edit.SiblingIndex];
                    break;
                case EditType.StepOut:
                    parent = parent.Parent!;
                    break;
                case EditType.PermutationListEntry:
                    (permutation ??= []).Add((edit.SiblingIndex, edit.FrameIndex));
                    break;
                case EditType.PermutationListEnd:
                    var before = parent.Children.ToArray();
                    foreach (var (from, to) in permutation!)
                    {
                        parent.Children[to] = before[from];
                    }

                    permutation = null;
                    break;
                default:
                    throw new InvalidDataException($"Unknown edit type {(int)edit.Type}.");
            }
        }
    }

    /// <summary>Inserts one frame (and what it holds) at a child index; returns how many children that added (a region adds its own).</summary>
    private int InsertFrame(ContainerNode parent, int childIndex, IReadOnlyList<RenderFrame> frames, int frameIndex)
    {
        var frame = frames[frameIndex];
        switch (frame.Type)
        {
            case FrameType.Element:
                var element = new ElementNode(frame.Name!);
                var index = frameIndex + 1;
                var end = frameIndex + frame.SubtreeLength;
                for (; index < end && frames[index].Type == FrameType.Attribute; index++)
                {
                    ApplyAttribute(element, frames[index]);
                }

                Insert(parent, childIndex, element);
                InsertFrameRange(element, 0, frames, index, end);
                return 1;
            case FrameType.Text:
                Insert(parent, childIndex, new TextNode(frame.Value ?? ""));
                return 1;
            case FrameType.Markup:
                Insert(parent, childIndex, new MarkupNode(frame.Value ?? ""));
                return 1;
            case FrameType.Component:
                // Its content comes in the component's own diff, later in the same batch.
                var component = new ComponentNode(frame.ComponentId);
                _components[frame.ComponentId] = component;
                Insert(parent, childIndex, component);
                return 1;
            case FrameType.Region:
                return InsertFrameRange(parent, childIndex, frames, frameIndex + 1, frameIndex + frame.SubtreeLength);
            case FrameType.ElementReferenceCapture or FrameType.NamedEvent:
                return 0;
            default:
                throw new InvalidDataException($"A {frame.Type} frame cannot be inserted as a child.");
        }
    }

    private int InsertFrameRange(ContainerNode parent, int childIndex, IReadOnlyList<RenderFrame> frames, int start, int endExclusive)
    {
        var first = childIndex;
        for (var index = start; index < endExclusive; index++)
        {
            childIndex += InsertFrame(parent, childIndex, frames, index);
            index += frames[index].DescendantCount;
        }

        return childIndex - first;
    }

    private void ApplyAttribute(ElementNode element, RenderFrame attribute)
    {
        if (attribute.EventHandlerId != 0)
        {
            var eventName = attribute.Name!.StartsWith("on", StringComparison.Ordinal) ? attribute.Name[2..] : attribute.Name;
            element.EventHandlers[eventName] = attribute.EventHandlerId;
            _elementByHandler[attribute.EventHandlerId] = element;
        }
        else if (attribute.Value is null)
        {
            element.Attributes.Remove(attribute.Name!);
        }
        else
        {
            element.Attributes[attribute.Name!] = attribute.Value;
        }
    }

    private static ElementNode ChildElement(ContainerNode parent, int index) =>
        parent.Children[index] as ElementNode ?? throw new InvalidDataException("An attribute edit targets a child that is not an element.");

    private static void Insert(ContainerNode parent, int index, RenderNode node)
    {
        node.Parent = parent;
        parent.Children.Insert(index, node);
    }

    private static void Remove(ContainerNode parent, int index)
    {
        parent.Children[index].Parent = null;
        parent.Children.RemoveAt(index);
    }
}
